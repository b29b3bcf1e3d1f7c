package org.expoflow.workflow.tasks;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A step's file shown in the browser, by the API and the pages alike: only the types a step takes (PDF, JPEG, PNG,
 * WebP, checked by their first bytes on upload), never sniffed as another, sandboxed.
 */
final class InlineFile {

    private InlineFile() {
    }

    static ResponseEntity<byte[]> of(StepFiles.AttachmentFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                // a file is shown, never run: sandboxed, it has no script and no origin of ours
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
