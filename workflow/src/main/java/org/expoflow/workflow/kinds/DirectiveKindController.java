package org.expoflow.workflow.kinds;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** The REST door to {@link DirectiveKindDeployment}: a BPMN file uploaded as multipart. */
@RestController
@Tag(name = "Directives")
public class DirectiveKindController {

    private final DirectiveKindDeployment deployment;

    public DirectiveKindController(DirectiveKindDeployment deployment) {
        this.deployment = deployment;
    }

    // The content type is checked here, not by the mapping, so a wrong one gets a problem body that says what to send.
    @PostMapping("/api/directive-kinds")
    @Operation(summary = "Deploy a directive kind: a .bpmn file in the multipart form field 'file', and in fields 'texts'"
            + " its words per language (texts_zh.properties, texts_en.properties)")
    public ResponseEntity<List<DirectiveKind>> deploy(HttpServletRequest request) throws IOException {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload the .bpmn file as multipart/form-data, in a part named 'file'"),
                    null);
        }
        MultipartFile file = multipart.getFile("file");
        if (file == null) {
            throw DomainRuleViolation.invalid("file", "upload the .bpmn file in a part named 'file'").coded("kindFileMissing");
        }
        Map<String, byte[]> texts = new LinkedHashMap<>();
        for (MultipartFile words : multipart.getFiles("texts")) {
            texts.put(words.getOriginalFilename(), words.getBytes());
        }
        List<DirectiveKind> deployed = deployment.deploy(file.getOriginalFilename(), file.getBytes(), texts);
        return ResponseEntity.created(URI.create("/api/directive-kinds")).body(deployed);
    }
}
