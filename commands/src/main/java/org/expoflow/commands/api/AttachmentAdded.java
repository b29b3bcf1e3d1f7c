package org.expoflow.commands.api;

public record AttachmentAdded(String taskId, String directiveId, String unitId, String attachmentId, String name,
                              String contentType, long size) implements OfDirective {
}
