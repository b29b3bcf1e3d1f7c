package org.expoflow.workflow.application;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

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
 * be less than or equal to 100"; labels {@code field.*} in the pages' bundles).
 */
@Component
public class RequestRules {

    private final Validator validator;
    private final MessageSource labels;

    public RequestRules(Validator validator, MessageSource labels) {
        this.validator = validator;
        this.labels = labels;
    }

    /** The request, when it keeps its rules; otherwise the refusal of its first field at fault (by name). */
    public <R> R check(R request) {
        Set<ConstraintViolation<R>> violations = validator.validate(request);
        violations.stream().min(Comparator.comparing(violation -> field(violation.getPropertyPath())))
                .ifPresent(violation -> {
                    String field = field(violation.getPropertyPath());
                    throw DomainRuleViolation.invalid(field, sentence(field, violation.getMessage()));
                });
        return request;
    }

    /** The rule's message after the field's label: the label of its last name, {@code title} for {@code directives[0].title}. */
    private String sentence(String field, String message) {
        Locale locale = LocaleContextHolder.getLocale();
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[.*\\]$", "");
        String label = labels.getMessage("field." + last, null, field, locale);
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
