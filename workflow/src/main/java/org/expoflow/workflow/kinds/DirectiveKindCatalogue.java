package org.expoflow.workflow.kinds;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.expoflow.workflow.engine.DeadlineSupervision;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.engine.StepForms;
import org.expoflow.workflow.engine.StepProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the directive kinds from the engine's deployed processes: the latest version of each, except
 * the deadline supervision, which watches the kinds' steps and is not itself issued.
 */
@Component
public class DirectiveKindCatalogue {

    private final RepositoryService repositoryService;
    private final StepForms stepForms;
    private final Map<String, DirectiveKind> kindsByDefinition = new ConcurrentHashMap<>();

    public DirectiveKindCatalogue(RepositoryService repositoryService, StepForms stepForms) {
        this.stepForms = stepForms;
        this.repositoryService = repositoryService;
    }

    public List<DirectiveKind> all() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().active().list().stream()
                .filter(definition -> !DeadlineSupervision.isWatch(definition.getKey()))
                .sorted(Comparator.comparing(ProcessDefinition::getKey))
                .map(this::described)
                .toList();
    }

    public Optional<DirectiveKind> find(String key) {
        if (DeadlineSupervision.isWatch(key)) {
            return Optional.empty();
        }
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().active()
                .list().stream().findFirst().map(this::described);
    }

    /** One deployed version of a kind: its number, when it was deployed, and its version tag if the model gives one. */
    public record KindVersion(int version, java.time.Instant deployedAt, String versionTag) {
    }

    /** Every deployed version of a kind, the newest first; directives keep the version they started with. */
    public List<KindVersion> versions(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion()
                .desc().list().stream().map(definition -> new KindVersion(definition.getVersion(),
                        java.util.Optional.ofNullable(repositoryService.createDeploymentQuery()
                                .deploymentId(definition.getDeploymentId()).singleResult())
                                .map(deployment -> deployment.getDeploymentTime().toInstant()).orElse(null),
                        definition.getVersionTag()))
                .toList();
    }

    /**
     * How the kind reminds of its steps' deadlines: what its latest version declares, else {@code defaults}; a
     * declaration that cannot be read (deployed before deployments checked it) leaves the defaults.
     */
    public ReminderCadence reminderCadence(String key, ReminderCadence defaults) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list().stream()
                .findFirst().map(definition -> processOf(definition.getId())).map(process -> {
                    try {
                        return defaults.overriddenBy(StepProperties.of(process, ReminderCadence.REMIND_BEFORE),
                                StepProperties.of(process, ReminderCadence.REMIND_OVERDUE_EVERY));
                    } catch (IllegalArgumentException unreadable) {
                        return defaults;
                    }
                }).orElse(defaults);
    }

    /** The kind a process definition (any version) describes. */
    public DirectiveKind kindOf(String processDefinitionId) {
        DirectiveKind known = kindsByDefinition.get(processDefinitionId);
        return known != null ? known : described(repositoryService.getProcessDefinition(processDefinitionId));
    }

    // a deployed definition never changes: its model is read and described once, not on every page or completion
    private DirectiveKind described(ProcessDefinition definition) {
        return kindsByDefinition.computeIfAbsent(definition.getId(), id -> describe(definition));
    }

    /** The process element of a process definition: what its kind declares for all its steps. */
    public Process processOf(String processDefinitionId) {
        ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
        return repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(definition.getKey());
    }

    /**
     * The form of one step of the process definition a task runs on. A deployed definition never changes, so each
     * form is read once: the engine looks the definition up in the database on every call for its model.
     */
    public StepForm stepForm(String processDefinitionId, String stepId) {
        String asRead = processDefinitionId.startsWith(DeadlineSupervision.PROCESS_KEY + ":")
                ? latestSupervision(processDefinitionId) : processDefinitionId;
        return stepForms.of(asRead, stepId, () -> repositoryService.getBpmnModelInstance(asRead).getModelElementById(stepId));
    }

    /**
     * A chase-up's steps read as the latest supervision has them, whichever version they began on (the step's record
     * names the version it began on, also once the engine has moved it to the latest): the grade to choose, the reply
     * required. Every version has the same steps.
     */
    private String latestSupervision(String processDefinitionId) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(DeadlineSupervision.PROCESS_KEY)
                .latestVersion().list().stream().findFirst().map(ProcessDefinition::getId).orElse(processDefinitionId);
    }

    private DirectiveKind describe(ProcessDefinition definition) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(definition.getKey());
        List<DirectiveKind.Step> steps = model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> isIn(task, process))
                .map(task -> new DirectiveKind.Step(task.getId(), task.getName(), task.getCamundaCandidateGroups(),
                        StepForm.of(task).fields(), StepProperties.of(task, StepProperties.ATTACHMENTS)))
                .toList();
        Set<String> figures = new LinkedHashSet<>();
        steps.forEach(step -> step.fields().stream().filter(StepForm.Field::isFigure)
                .forEach(field -> figures.add(field.id())));
        String description = process == null ? null : process.getDocumentations().stream()
                .map(Documentation::getTextContent).map(String::strip).findFirst().orElse(null);
        return new DirectiveKind(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName(),
                definition.getVersion(), description, steps, List.copyOf(figures));
    }

    private static boolean isIn(UserTask task, Process process) {
        if (process == null) {
            return true;
        }
        for (var parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent.equals(process)) {
                return true;
            }
        }
        return false;
    }
}
