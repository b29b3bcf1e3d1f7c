package org.expoflow.workflow.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.expoflow.commands.api.Figure;
import org.springframework.stereotype.Component;

/**
 * The forms of the steps of every deployed process definition, each read from its model once: a deployed
 * definition never changes, and reading {@code camunda:formData} through the model API walks its XML, which the
 * write path did twice per completion (the step completed and the step it opens).
 */
@Component
public class StepForms {

    private final Map<String, StepForm> forms = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Figure>> kindFigures = new ConcurrentHashMap<>();

    /** The form of step {@code stepId} of {@code processDefinitionId}; {@code step} is read only the first time. */
    public StepForm of(String processDefinitionId, String stepId, Supplier<UserTask> step) {
        return forms.computeIfAbsent(processDefinitionId + "#" + stepId, key -> {
            UserTask userTask = step.get();
            return userTask == null ? new StepForm(java.util.List.of()) : StepForm.of(userTask);
        });
    }

    /**
     * The figures a process definition's kind declares over all its steps, by key, in model order (the first step to
     * declare one gives its unit): what a unit may report on any of its steps and the office may set targets for.
     */
    public Map<String, Figure> kindFigures(String processDefinitionId, Supplier<BpmnModelInstance> model) {
        return kindFigures.computeIfAbsent(processDefinitionId, key -> {
            Map<String, Figure> figures = new LinkedHashMap<>();
            for (UserTask step : model.get().getModelElementsByType(UserTask.class)) {
                of(processDefinitionId, step.getId(), () -> step).figures()
                        .forEach(field -> figures.putIfAbsent(field.id(), field.figure()));
            }
            return Collections.unmodifiableMap(figures);
        });
    }
}
