package org.expoflow.workflow.tasks;

import java.nio.charset.StandardCharsets;

import org.expoflow.workflow.security.SecurityConfig;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A step's file shown in the browser, by the API and the pages alike: only the types a step takes (PDF, JPEG, PNG,
 * WebP, checked by their first bytes on upload), never sniffed as another, each in a sandbox (a PDF under the pages'
 * own content security policy besides).
 */
final class InlineFile {

    private InlineFile() {
    }

    static ResponseEntity<byte[]> of(StepFiles.AttachmentFile file) {
        // a file a unit uploaded opens in a sandbox, a photo as a PDF: a unique origin, so a PDF's own script or form
        // reaches neither the pages nor the signed-in session; a PDF is under the pages' policy besides
        boolean pdf = MediaType.APPLICATION_PDF_VALUE.equals(file.contentType());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header("Content-Security-Policy", pdf ? "sandbox; " + SecurityConfig.PAGES_CONTENT_SECURITY_POLICY : "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
