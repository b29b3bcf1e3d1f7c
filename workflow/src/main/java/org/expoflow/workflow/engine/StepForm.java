package org.expoflow.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.expoflow.commands.api.Figure;

/**
 * What a step of a directive asks for, as its BPMN declares it in {@code camunda:formData}: fields with
 * their type, whether required, min and max, least and most characters, and allowed values. A field whose id is a figure key
 * ({@code buyersInvited}, ...) is a figure; a field {@code decision} makes the step a review.
 */
public record StepForm(List<Field> fields) {

    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";

    public record Field(String id, String label, String type, boolean required, String min, String max,
                        Map<String, String> values, String minLength, String maxLength) {

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
                String minLength = null;
                String maxLength = null;
                if (formField.getCamundaValidation() != null) {
                    for (CamundaConstraint constraint : formField.getCamundaValidation().getCamundaConstraints()) {
                        switch (constraint.getCamundaName()) {
                            case "required" -> required = true;
                            case "min" -> min = constraint.getCamundaConfig();
                            case "max" -> max = constraint.getCamundaConfig();
                            case "minlength" -> minLength = constraint.getCamundaConfig();
                            case "maxlength" -> maxLength = constraint.getCamundaConfig();
                            default -> { }
                        }
                    }
                }
                Map<String, String> values = new java.util.LinkedHashMap<>();
                for (CamundaValue value : formField.getCamundaValues()) {
                    values.put(value.getCamundaId(), value.getCamundaName());
                }
                fields.add(new Field(formField.getCamundaId(), formField.getCamundaLabel(), formField.getCamundaType(),
                        required, min, max, Map.copyOf(values), minLength, maxLength));
            }
        }
        return new StepForm(List.copyOf(fields));
    }

    /** A constraint of the form a submission breaks: the field, the rule (required, min, ...) and its setting. */
    /** The field of this id, if the form has one. */
    public Optional<Field> field(String id) {
        return fields.stream().filter(field -> field.id().equals(id)).findFirst();
    }

    public record Fault(String fieldId, String rule, String config) {
    }

    /**
     * Every field a submission would be refused for, by the same rules the engine applies (which stops at the
     * first): {@code held} says whether the step already holds a value for a field left out, which satisfies
     * {@code required} as it does for the engine.
     */
    public List<Fault> faultsOf(Map<String, Object> submitted, java.util.function.Predicate<String> held) {
        List<Fault> faults = new ArrayList<>();
        for (Field field : fields) {
            Object value = submitted.get(field.id());
            if (value == null) {
                if (field.required() && !held.test(field.id())) {
                    faults.add(new Fault(field.id(), "required", null));
                }
                continue;
            }
            if (value instanceof String text) {
                if (text.isEmpty() && field.required()) {
                    faults.add(new Fault(field.id(), "required", null));
                } else if (field.minLength() != null && text.length() < Integer.parseInt(field.minLength())) {
                    faults.add(new Fault(field.id(), "minlength", field.minLength()));
                } else if (field.maxLength() != null && text.length() > Integer.parseInt(field.maxLength())) {
                    faults.add(new Fault(field.id(), "maxlength", field.maxLength()));
                }
            } else if (value instanceof Number number) {
                java.math.BigDecimal given = new java.math.BigDecimal(number.toString());
                if (field.min() != null && given.compareTo(new java.math.BigDecimal(field.min())) < 0) {
                    faults.add(new Fault(field.id(), "min", field.min()));
                } else if (field.max() != null && given.compareTo(new java.math.BigDecimal(field.max())) > 0) {
                    faults.add(new Fault(field.id(), "max", field.max()));
                }
            }
        }
        return faults;
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
