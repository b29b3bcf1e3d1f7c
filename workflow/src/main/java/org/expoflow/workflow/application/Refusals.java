package org.expoflow.workflow.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.beans.factory.annotation.Value;
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
    private final ZoneId provinceZone;

    public Refusals(MessageSource messages, @Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.messages = messages;
        this.provinceZone = provinceZone;
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

    /**
     * How a refusal reads to people: by its code when the domain gave it one (a figure among its arguments named
     * as the pages name it), else as its message.
     */
    public String sentence(DomainRuleViolation refusal) {
        if (refusal.code() == null) {
            return refusal.getMessage();
        }
        Object[] arguments = refusal.arguments().stream().map(this::said).toArray();
        return messages.getMessage("refusal." + refusal.code(), arguments, refusal.getMessage(), LocaleContextHolder.getLocale());
    }

    /** An argument as people read it: a figure by its name, an instant in the province's time. */
    private Object said(Object argument) {
        if (argument instanceof Instant instant) {
            try {
                return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(provinceZone).format(instant);
            } catch (java.time.DateTimeException beyondTheCalendar) {
                // an instant Java parses but no calendar date holds in the province's zone: said as given
                return instant.toString();
            }
        }
        if (argument instanceof String key) {
            String figure = messages.getMessage("figure." + key, null, null, LocaleContextHolder.getLocale());
            return figure == null ? key : figure;
        }
        return argument;
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
