package org.expoflow.workflow.kinds;

import java.io.ByteArrayInputStream;
import java.util.List;
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
        String name = fileName == null ? "" : fileName;
        if (!name.endsWith(".bpmn")) {
            throw DomainRuleViolation.invalid("file", "a directive kind is a .bpmn file, not '" + name + "'");
        }
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        } catch (ModelException notBpmn) {
            throw DomainRuleViolation.invalid("file", "not a valid BPMN 2.0 file: " + rootMessage(notBpmn));
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            String before = StepProperties.of(process, ReminderCadence.REMIND_BEFORE);
            String every = StepProperties.of(process, ReminderCadence.REMIND_OVERDUE_EVERY);
            if (before != null || every != null) {
                try {
                    ReminderCadence.parse(before, every == null ? "P1D" : every, ReminderCadence.REMIND_BEFORE,
                            ReminderCadence.REMIND_OVERDUE_EVERY);
                } catch (IllegalArgumentException unreadable) {
                    throw DomainRuleViolation.invalid("file", process.getId() + ": " + unreadable.getMessage());
                }
            }
        }
        DeploymentWithDefinitions deployment;
        try {
            deployment = repositoryService.createDeployment().name(name).enableDuplicateFiltering(true)
                    .addInputStream(name, new ByteArrayInputStream(bpmn)).deployWithResult();
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
