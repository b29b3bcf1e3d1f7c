package org.expoflow.workflow.application;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file the office downloads (a brief, an exported list): its name as saved, its type, its bytes. */
public record OfficeFile(String name, String mediaType, byte[] content) {

    /** As an answer that saves it under its own name, Chinese characters included. */
    public ResponseEntity<byte[]> download() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(content);
    }
}
