package org.expoflow.workflow.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.application.Refusals;
import org.springframework.stereotype.Component;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a page shows when an action is refused: the message, and the field it concerns, so the form can
 * show it at that field. The same refusals as the API's, told on the page instead of as problem JSON.
 */
@Component
public final class PageErrors {

    public static final String ERROR = "error";
    public static final String ERROR_FIELD = "errorField";
    public static final String DONE = "done";
    public static final String ERRORS = "errors";

    private final Refusals refusals;

    PageErrors(Refusals refusals) {
        this.refusals = refusals;
    }

    /** Runs a page action; a refusal becomes a message (and field) for the page the user returns to. */
    public boolean attempt(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            return true;
        } catch (AccessDeniedException refused) {
            // Spring's own refusal of a role says only "Access Denied"
            redirect.addFlashAttribute(ERROR, "Access Denied".equals(refused.getMessage()) ? refusals.text("accessDenied")
                    : refused.getMessage());
        } catch (RuntimeException failed) {
            DomainRuleViolation violation = cause(failed);
            if (violation == null) {
                throw failed;
            }
            redirect.addFlashAttribute(ERROR, refusals.sentence(violation));
            redirect.addFlashAttribute(ERROR_FIELD, violation.field());
            // every field at fault, for a form that shows each at its field
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(String.valueOf(violation.field()), refusals.sentence(violation));
            violation.alsoRefused().forEach(other -> errors.putIfAbsent(String.valueOf(other.field()), refusals.sentence(other)));
            redirect.addFlashAttribute(ERRORS, errors);
        }
        return false;
    }

    /** A refusal as the page says it. */
    public String sentence(DomainRuleViolation refusal) {
        return refusals.sentence(refusal);
    }

    /** A refusal's sentence by its code. */
    public String text(String code, Object... arguments) {
        return refusals.text(code, arguments);
    }

    /** A date a form sent (yyyy-MM-dd, as date inputs send it); none or another shape refused in words at {@code field}. */
    public LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw refusals.invalid(field, "chooseDate");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw refusals.invalid(field, "notADate", value);
        }
    }

    private static DomainRuleViolation cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainRuleViolation violation) {
                return violation;
            }
        }
        return null;
    }
}
