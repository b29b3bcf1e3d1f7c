package org.expoflow.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.expoflow.commands.api.Figure;

/**
 * What a step of a directive asks for, as its BPMN declares it in {@code camunda:formData}: fields with
 * their type, whether required, min and max, and allowed values. A field whose id is a figure key
 * ({@code buyersInvited}, ...) is a figure; a field {@code decision} makes the step a review.
 */
public record StepForm(List<Field> fields) {

    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";

    public record Field(String id, String label, String type, boolean required, String min, String max,
                        Map<String, String> values) {

        public boolean isFigure() {
            return Figure.isKnown(id);
        }
    }

    public static StepForm of(UserTask userTask) {
        List<Field> fields = new ArrayList<>();
        ExtensionElements extensions = userTask.getExtensionElements();
        if (extensions == null) {
            return new StepForm(List.of());
        }
        for (CamundaFormData formData : extensions.getChildElementsByType(CamundaFormData.class)) {
            for (CamundaFormField formField : formData.getCamundaFormFields()) {
                boolean required = false;
                String min = null;
                String max = null;
                if (formField.getCamundaValidation() != null) {
                    for (CamundaConstraint constraint : formField.getCamundaValidation().getCamundaConstraints()) {
                        switch (constraint.getCamundaName()) {
                            case "required" -> required = true;
                            case "min" -> min = constraint.getCamundaConfig();
                            case "max" -> max = constraint.getCamundaConfig();
                            default -> { }
                        }
                    }
                }
                Map<String, String> values = new java.util.LinkedHashMap<>();
                for (CamundaValue value : formField.getCamundaValues()) {
                    values.put(value.getCamundaId(), value.getCamundaName());
                }
                fields.add(new Field(formField.getCamundaId(), formField.getCamundaLabel(), formField.getCamundaType(),
                        required, min, max, Map.copyOf(values)));
            }
        }
        return new StepForm(List.copyOf(fields));
    }

    public List<Field> figures() {
        return fields.stream().filter(Field::isFigure).toList();
    }

    public List<String> requiredFigures() {
        return figures().stream().filter(Field::required).map(Field::id).toList();
    }

    public boolean isReview() {
        return fields.stream().anyMatch(field -> field.id().equals(DECISION));
    }
}
