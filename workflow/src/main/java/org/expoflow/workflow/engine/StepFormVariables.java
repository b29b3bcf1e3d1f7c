package org.expoflow.workflow.engine;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What a decision sent through the engine's own API may carry: the fields of its step's form, nothing else.
 * A variable the form does not declare would let the completion re-route the step ({@code unitId}),
 * re-date it ({@code dueAt}) or plant what a later step reads, with no rule applied and no event recorded.
 */
@Component
public class StepFormVariables {

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final StepForms forms;

    public StepFormVariables(TaskService taskService, RepositoryService repositoryService, StepForms forms) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.forms = forms;
    }

    /**
     * The names among {@code variables} that the form of step {@code taskId} does not declare, in the order
     * given; none for a step the engine does not know (the engine answers that request itself).
     */
    public List<String> undeclared(String taskId, Collection<String> variables) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || variables.isEmpty()) {
            return List.of();
        }
        Set<String> declared = declared(task);
        return variables.stream().filter(name -> !declared.contains(name)).toList();
    }

    /** The fields of the step's form, by id, for a refusal that says what may be sent. */
    public List<String> declaredFields(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        return task == null ? List.of() : declared(task).stream().sorted().toList();
    }

    private Set<String> declared(Task task) {
        StepForm form = forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), () -> repositoryService
                .getBpmnModelInstance(task.getProcessDefinitionId()).<UserTask>getModelElementById(task.getTaskDefinitionKey()));
        return form.fields().stream().map(StepForm.Field::id).collect(Collectors.toUnmodifiableSet());
    }
}
