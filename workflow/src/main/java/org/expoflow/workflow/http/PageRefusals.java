package org.expoflow.workflow.http;

import java.io.IOException;

import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A page asked for something refused, such as a directive that does not exist or a unit's page its reader may not
 * see: the error page with the refusal's status (404, 403, 400, 409), as the API answers the same refusal, never a
 * 500. A refusal of an action on a page is told on the page itself ({@link PageErrors}).
 */
@ControllerAdvice(annotations = PageDoor.class)
class PageRefusals {

    @ExceptionHandler(RuntimeException.class)
    void refused(RuntimeException failed, HttpServletResponse response) throws IOException {
        DomainRuleViolation refusal = refusalIn(failed);
        if (refusal == null) {
            throw failed;
        }
        response.sendError(switch (refusal.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND.value();
            case FORBIDDEN -> HttpStatus.FORBIDDEN.value();
            case CONFLICT -> HttpStatus.CONFLICT.value();
            case INVALID -> HttpStatus.BAD_REQUEST.value();
        });
    }

    private static DomainRuleViolation refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainRuleViolation refusal) {
                return refusal;
            }
        }
        return null;
    }
}
