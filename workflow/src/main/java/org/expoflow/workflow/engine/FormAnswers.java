package org.expoflow.workflow.engine;

import java.math.BigDecimal;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.ReviewDecision;

/**
 * What a person answered on a step's form: values for its fields, figures, and on a review its decision, its comment
 * and the step it returns the work to. {@link #into} makes them the engine's variables, typed as the form declares
 * them; a field the form lacks, a figure sent as a value, a fraction for a whole number or a decision on a step that
 * is no review is refused naming the field.
 */
public record FormAnswers(StepForm form, Map<String, String> values, Map<String, BigDecimal> figures,
                          ReviewDecision decision, String comment, String returnTo) {

    public FormAnswers(StepForm form, Map<String, String> values, Map<String, BigDecimal> figures,
                       ReviewDecision decision, String comment) {
        this(form, values, figures, decision, comment, null);
    }

    /** Values to their fields, figures to theirs (or, when the step has none for a figure, to the task itself). */
    void into(Map<String, Object> variables, Map<String, Object> taskFigures) {
        values().forEach((id, value) -> {
            StepForm.Field field = form().field(id).orElseThrow(() -> DomainRuleViolation.invalid("values." + id,
                    "the step's form has no field " + id).coded("noSuchField", id));
            if (field.isFigure()) {
                throw DomainRuleViolation.invalid("values." + id, id + " is a figure: send it among the figures")
                        .coded("figureAsValue", id);
            }
            variables.put(field.id(), value);
        });
        figures().forEach((key, number) -> form().field(key).ifPresentOrElse(
                field -> variables.put(key, typed(field, number)),
                () -> taskFigures.put(key, number.stripTrailingZeros().toPlainString())));
        if (decision() != null || comment() != null) {
            if (!form().isReview()) {
                throw DomainRuleViolation.invalid("decision", "only a review step takes a decision").coded("notAReview");
            }
            if (decision() != null) {
                variables.put(StepForm.DECISION, decision().name());
            }
            if (comment() != null) {
                variables.put(StepForm.COMMENT, comment());
            }
        }
    }

    /** The engine's form types want a long for a {@code long} field and a double for a {@code double} one. */
    private static Object typed(StepForm.Field field, BigDecimal number) {
        if ("long".equals(field.type())) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw DomainRuleViolation.invalid("figures." + field.id(), field.id() + " is a whole number")
                        .coded("wholeNumber", field.id());
            }
        }
        if ("double".equals(field.type())) {
            return number.doubleValue();
        }
        return number.toPlainString();
    }
}
