package org.expoflow.workflow.application;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * A request's rules, declared on its record with Bean Validation and checked here, once, by the application
 * service that handles it: the REST API and the pages hand it the same record and get the same refusal, a
 * {@link DomainRuleViolation} naming the field as the API names it ({@code percent},
 * {@code figures[buyersInvited]}, {@code directives[0].title}), before anything is written. Its sentence is
 * in the reader's language and names the field by its label ("完成百分比最大不能超过100", "Percent done must
 * be less than or equal to 100"; labels {@code field.*} in the pages' bundles). A request whose fields speak of
 * different things by its values (a comment or a 批示) says which, as a {@link Worded}, and its labels are looked
 * up first under that word ({@code field.instruction.text}).
 */
@Component
public class RequestRules {

    private final Validator validator;
    private final MessageSource labels;

    /** A request that names the thing it carries, for its fields' labels: {@code comment}, {@code instruction}. */
    public interface Worded {
        String thing();
    }

    public RequestRules(Validator validator, MessageSource labels) {
        this.validator = validator;
        this.labels = labels;
    }

    /**
     * The request, when it keeps its rules; otherwise the refusal of its first field at fault (by name), with the
     * refusals of its other fields at fault.
     */
    public <R> R check(R request) {
        Optional<DomainRuleViolation> refused = refusal(request);
        if (refused.isPresent()) {
            throw refused.get();
        }
        return request;
    }

    /** The refusal of a request that breaks its rules, every field at fault in it (one per field), or none. */
    public <R> Optional<DomainRuleViolation> refusal(R request) {
        Map<String, String> byField = new TreeMap<>();
        for (ConstraintViolation<R> violation : validator.validate(request)) {
            String field = field(violation.getPropertyPath());
            byField.putIfAbsent(field, sentence(request, field, inWords(violation)));
        }
        DomainRuleViolation first = null;
        for (Map.Entry<String, String> fault : byField.entrySet()) {
            DomainRuleViolation refusal = DomainRuleViolation.invalid(fault.getKey(), fault.getValue());
            first = first == null ? refusal : first.and(refusal);
        }
        return Optional.ofNullable(first);
    }

    /**
     * A length or a sign as people say it ("不超过 4,000 字", "不能是负数"); any other rule in Bean Validation's own words.
     */
    private String inWords(ConstraintViolation<?> violation) {
        java.lang.annotation.Annotation rule = violation.getConstraintDescriptor().getAnnotation();
        Locale locale = LocaleContextHolder.getLocale();
        if (rule instanceof jakarta.validation.constraints.Size size && size.min() == 0 && violation.getInvalidValue() instanceof CharSequence) {
            return labels.getMessage("rule.atMostCharacters", new Object[] {size.max()}, violation.getMessage(), locale);
        }
        if (rule instanceof jakarta.validation.constraints.PositiveOrZero) {
            return labels.getMessage("rule.notNegative", null, violation.getMessage(), locale);
        }
        return violation.getMessage();
    }

    /**
     * The rule's message after the field's label: the label of its last name, {@code title} for {@code directives[0].title};
     * a figure's value, {@code figures[buyersInvited]}, by the figure's name.
     */
    private String sentence(Object request, String field, String message) {
        Locale locale = LocaleContextHolder.getLocale();
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[.*\\]$", "");
        java.util.regex.Matcher figure = java.util.regex.Pattern.compile("figures\\[(\\w+)\\]$").matcher(field);
        String label = figure.find() ? labels.getMessage("figure." + figure.group(1), null, field, locale)
                : labels.getMessage("field." + last, null, field, locale);
        if (request instanceof Worded worded) {
            label = labels.getMessage("field." + worded.thing() + "." + last, null, label, locale);
        }
        return labels.getMessage("refusal.field", new Object[] {label, message}, label + " " + message, locale);
    }

    /** {@code figures[buyersInvited]} for the value of a map entry, as Spring's binding names it. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            // a node's index or key is its place in the container before it: directives[0].title
            if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            } else if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            boolean containerElement = node.getName() == null || node.getName().startsWith("<");
            if (!containerElement) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }
}
