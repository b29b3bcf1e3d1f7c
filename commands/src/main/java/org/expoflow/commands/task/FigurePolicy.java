package org.expoflow.commands.task;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.Figure;

/**
 * Figures are evidence leadership sums and compares with targets: only the known figures, never
 * negative, within what the read models store and sum ({@link Figure#isStorable}), and the ones a step
 * declares required must be there when the step is submitted.
 */
public final class FigurePolicy {

    private FigurePolicy() {
    }

    public static void checkKnownAndStorable(String field, Map<String, BigDecimal> figures) {
        figures.forEach((key, value) -> {
            if (!Figure.isKnown(key)) {
                throw DomainRuleViolation.invalid(field + "." + key, "unknown figure '" + key + "'");
            }
            if (value == null || value.signum() < 0) {
                throw DomainRuleViolation.invalid(field + "." + key, "figure '" + key + "' must be a number of 0 or more");
            }
            if (!Figure.isStorable(value)) {
                throw DomainRuleViolation.invalid(field + "." + key, "figure '" + key + "' must be below "
                        + Figure.LIMIT.toBigInteger() + " with at most " + Figure.MAX_DECIMALS + " decimals, not "
                        + abbreviated(value));
            }
        });
    }

    private static String abbreviated(BigDecimal value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    static void checkRequiredPresent(Set<String> required, Map<String, BigDecimal> figures) {
        required.stream().sorted().filter(key -> !figures.containsKey(key)).findFirst().ifPresent(key -> {
            throw DomainRuleViolation.invalid("figures." + key, "figure '" + key + "' is required to complete this step")
                    .coded("figureRequired", key);
        });
    }
}
