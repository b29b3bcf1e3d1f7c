package org.expoflow.workflow.kinds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.engine.ParseException;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.engine.KindModelCheck;
import org.expoflow.workflow.engine.StepProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A new directive kind, deployed by ADMIN as a BPMN file without code or restart: read as BPMN, parsed by
 * the engine (whose parse listeners refuse anything that would run code on the server), and deployed unless
 * the same file is deployed already; running directives stay on the version they started with.
 */
@Service
public class DirectiveKindDeployment {

    private final RepositoryService repositoryService;
    private final DirectiveKindCatalogue kinds;

    public DirectiveKindDeployment(RepositoryService repositoryService, DirectiveKindCatalogue kinds) {
        this.repositoryService = repositoryService;
        this.kinds = kinds;
    }

    /** The kinds the file deployed (none when it was deployed already); refused at the field {@code file}. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<DirectiveKind> deploy(String fileName, byte[] bpmn) {
        return deploy(fileName, bpmn, Map.of());
    }

    /**
     * The kinds the file deployed with their own words: {@code texts} by file name ({@code texts_zh.properties},
     * {@code texts_en.properties}, UTF-8, keyed as the bundled kinds' are: {@code kind.<id>.name},
     * {@code kind.<id>.step.<stepId>}, {@code kind.<id>.field.<fieldId>}); a text file named otherwise or that is
     * not properties is refused at the field {@code texts}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<DirectiveKind> deploy(String fileName, byte[] bpmn, Map<String, byte[]> texts) {
        texts.forEach((textsName, content) -> {
            if (textsName == null || !KindModelCheck.KIND_TEXTS.matcher(textsName).matches()) {
                throw DomainRuleViolation.invalid("texts", "a kind's texts are a file named texts_<language>.properties,"
                        + " such as texts_zh.properties, not '" + textsName + "'").coded("kindTextsMisnamed", textsName);
            }
            try {
                new Properties().load(new InputStreamReader(new ByteArrayInputStream(content),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));
            } catch (IOException | IllegalArgumentException notProperties) {
                throw DomainRuleViolation.invalid("texts", textsName + " is not a UTF-8 properties file: "
                        + notProperties.getMessage()).coded("kindTextsUnreadable", textsName, notProperties.getMessage());
            }
        });
        String name = fileName == null ? "" : fileName;
        if (!name.endsWith(".bpmn")) {
            throw DomainRuleViolation.invalid("file", "a directive kind is a .bpmn file, not '" + name + "'")
                    .coded("kindNotBpmn", name);
        }
        // as plain XML against the allow-list before any parser that knows BPMN reads it
        KindModelCheck.refusalOfModel(name, bpmn).ifPresent(refusal -> {
            throw DomainRuleViolation.invalid("file", refusal.english()).coded(refusal.code(), refusal.arguments().toArray());
        });
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        } catch (ModelException notBpmn) {
            throw DomainRuleViolation.invalid("file", "not a valid BPMN 2.0 file: " + rootMessage(notBpmn))
                    .coded("kindNotBpmnXml", rootMessage(notBpmn));
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            String before = StepProperties.of(process, ReminderCadence.REMIND_BEFORE);
            String every = StepProperties.of(process, ReminderCadence.REMIND_OVERDUE_EVERY);
            if (before != null || every != null) {
                try {
                    ReminderCadence.parse(before, every == null ? "P1D" : every, ReminderCadence.REMIND_BEFORE,
                            ReminderCadence.REMIND_OVERDUE_EVERY);
                } catch (IllegalArgumentException unreadable) {
                    throw DomainRuleViolation.invalid("file", process.getId() + ": " + unreadable.getMessage())
                            .coded("kindCadenceUnreadable", process.getId(), unreadable.getMessage());
                }
            }
        }
        DeploymentWithDefinitions deployment;
        try {
            var builder = repositoryService.createDeployment().name(name).enableDuplicateFiltering(true)
                    .addInputStream(name, new ByteArrayInputStream(bpmn));
            texts.forEach((textsName, content) -> builder.addInputStream(textsName, new ByteArrayInputStream(content)));
            deployment = builder.deployWithResult();
        } catch (ParseException invalid) {
            String problems = invalid.getResorceReports().stream().flatMap(report -> report.getErrors().stream())
                    .map(problem -> problem.getMainElementId() == null ? problem.getMessage()
                            : problem.getMainElementId() + ": " + problem.getMessage())
                    .collect(Collectors.joining("; "));
            String detail = problems.isEmpty() ? invalid.getMessage() : problems;
            throw DomainRuleViolation.invalid("file", detail).coded("kindRefusedByEngine", detail);
        } catch (ProcessEngineException refused) {
            throw DomainRuleViolation.invalid("file", rootMessage(refused)).coded("kindRefusedByEngine", rootMessage(refused));
        }
        List<String> keys = deployment.getDeployedProcessDefinitions() == null ? List.of()
                : deployment.getDeployedProcessDefinitions().stream().map(ProcessDefinition::getKey).toList();
        return kinds.all().stream().filter(kind -> keys.contains(kind.key())).toList();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
