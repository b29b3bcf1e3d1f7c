package org.expoflow.workflow.tasks;

import java.nio.charset.StandardCharsets;

import org.expoflow.workflow.security.SecurityConfig;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A step's file shown in the browser, by the API and the pages alike: only the types a step takes (PDF, JPEG, PNG,
 * WebP, checked by their first bytes on upload), never sniffed as another; a photo in a sandbox, a PDF under the
 * pages' own content security policy.
 */
final class InlineFile {

    private InlineFile() {
    }

    static ResponseEntity<byte[]> of(StepFiles.AttachmentFile file) {
        // a photo opens in a sandbox (a unique origin); a PDF cannot, as Chromium's and Firefox's viewers show nothing
        // in a sandbox: it is under the pages' policy, its type fixed by its first bytes on upload and never sniffed
        boolean pdf = MediaType.APPLICATION_PDF_VALUE.equals(file.contentType());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header("Content-Security-Policy", pdf ? SecurityConfig.PAGES_CONTENT_SECURITY_POLICY : "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
