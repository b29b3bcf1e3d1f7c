package org.expoflow.workflow.tasks;

import java.util.Arrays;

/**
 * What an attached file really is, read from its first bytes: a file declared {@code image/png} must
 * start as a PNG does, so that an HTML page cannot be stored as a photo and opened from ExpoFlow's
 * address.
 */
final class AttachmentContent {

    private AttachmentContent() {
    }

    static boolean isWhatItDeclares(String contentType, byte[] content) {
        return switch (contentType) {
            case "image/jpeg" -> startsWith(content, 0, 0xFF, 0xD8, 0xFF);
            case "image/png" -> startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/webp" -> startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P');
            case "application/pdf" -> startsWith(content, 0, '%', 'P', 'D', 'F', '-');
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, int offset, int... signature) {
        if (content.length < offset + signature.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(content, offset, offset + signature.length),
                toBytes(signature));
    }

    private static byte[] toBytes(int[] signature) {
        byte[] bytes = new byte[signature.length];
        for (int i = 0; i < signature.length; i++) {
            bytes[i] = (byte) signature[i];
        }
        return bytes;
    }
}
