package org.expoflow.workflow.application;

import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The application's refusals as sentences for people, in the reader's language ({@code refusal.*} in the pages'
 * bundles): "这一步已由他人提交完成" rather than developer text. The field keeps its id for the API.
 */
@Component
public class Refusals {

    private final MessageSource messages;

    public Refusals(MessageSource messages) {
        this.messages = messages;
    }

    public DomainRuleViolation invalid(String field, String code, Object... arguments) {
        return DomainRuleViolation.invalid(field, text(code, arguments));
    }

    public DomainRuleViolation conflict(String code, Object... arguments) {
        return DomainRuleViolation.conflict(text(code, arguments));
    }

    public DomainRuleViolation notFound(String field, String code, Object... arguments) {
        return DomainRuleViolation.notFound(field, text(code, arguments));
    }

    /** A refusal's sentence. */
    public String text(String code, Object... arguments) {
        return messages.getMessage("refusal." + code, arguments, "refusal." + code, LocaleContextHolder.getLocale());
    }

    /** A word of the pages' bundle (a status, a figure's name), or {@code otherwise}. */
    public String word(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale());
    }
}
