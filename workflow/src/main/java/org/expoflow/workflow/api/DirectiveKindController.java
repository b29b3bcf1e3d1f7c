package org.expoflow.workflow.api;

import org.expoflow.commands.api.DomainRuleViolation;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.xml.ModelException;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * New directive kinds, deployed by ADMIN as BPMN files without code or restart. An unchanged file is
 * not deployed again; running directives stay on the version they started with.
 */
@RestController
@Tag(name = "Directives")
public class DirectiveKindController {

    private final RepositoryService repositoryService;
    private final DirectiveKindCatalogue kinds;

    public DirectiveKindController(RepositoryService repositoryService, DirectiveKindCatalogue kinds) {
        this.repositoryService = repositoryService;
        this.kinds = kinds;
    }

    // The content type is checked here, not by the mapping, so a wrong one gets a problem body that says what to send.
    @PostMapping("/api/directive-kinds")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deploy a directive kind: a .bpmn file in the multipart form field 'file'")
    public ResponseEntity<List<DirectiveKind>> deploy(HttpServletRequest request) throws IOException {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload the .bpmn file as multipart/form-data, in a part named 'file'"),
                    null);
        }
        MultipartFile file = multipart.getFile("file");
        if (file == null) {
            throw DomainRuleViolation.invalid("file", "upload the .bpmn file in a part named 'file'");
        }
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (!fileName.endsWith(".bpmn")) {
            throw DomainRuleViolation.invalid("file", "a directive kind is a .bpmn file, not '" + fileName + "'");
        }
        byte[] bpmn = file.getBytes();
        try {
            Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bpmn));
        } catch (ModelException notBpmn) {
            throw DomainRuleViolation.invalid("file", "not a valid BPMN 2.0 file: " + rootMessage(notBpmn));
        }
        DeploymentWithDefinitions deployment;
        try {
            deployment = repositoryService.createDeployment().name(fileName).enableDuplicateFiltering(true)
                    .addInputStream(fileName, new java.io.ByteArrayInputStream(bpmn)).deployWithResult();
        } catch (ParseException invalid) {
            String problems = invalid.getResorceReports().stream().flatMap(report -> report.getErrors().stream())
                    .map(problem -> problem.getMainElementId() == null ? problem.getMessage()
                            : problem.getMainElementId() + ": " + problem.getMessage())
                    .collect(Collectors.joining("; "));
            throw DomainRuleViolation.invalid("file", problems.isEmpty() ? invalid.getMessage() : problems);
        } catch (ProcessEngineException refused) {
            throw DomainRuleViolation.invalid("file", rootMessage(refused));
        }
        List<String> keys = deployment.getDeployedProcessDefinitions() == null ? List.of()
                : deployment.getDeployedProcessDefinitions().stream().map(ProcessDefinition::getKey).toList();
        List<DirectiveKind> deployed = kinds.all().stream().filter(kind -> keys.contains(kind.key())).toList();
        return ResponseEntity.created(URI.create("/api/directive-kinds")).body(deployed);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
