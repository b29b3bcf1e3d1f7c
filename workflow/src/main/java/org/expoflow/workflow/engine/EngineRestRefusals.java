package org.expoflow.workflow.engine;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine wraps an exception from a task listener, and its REST API answers 500 for it. When the
 * exception is a refusal of the domain, {@code /engine-rest} answers like our API: 403 for a user not
 * allowed, 400 for bad input, 409 for a conflict, with the domain's message. A refused model, a form's rule
 * broken, a step that is not there and a step changed at the same moment are the caller's (400, 404, 409);
 * any other failure of the engine is 500 without its text.
 */
@Component
public class EngineRestRefusals implements ResourceConfigCustomizer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EngineRestRefusals.class);

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestExceptionRefusals.class);
        config.register(EngineExceptionRefusals.class);
    }

    private static Response refusal(int status, String type, String message, String field) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static boolean databaseOutOfReach(Throwable cause) {
        return cause instanceof org.springframework.transaction.CannotCreateTransactionException
                || cause instanceof org.springframework.transaction.TransactionSystemException
                || cause instanceof org.springframework.dao.DataAccessResourceFailureException
                || cause instanceof java.sql.SQLTransientConnectionException
                || cause instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))
                || "Connection is closed".equals(sql.getMessage()));
    }

    static Response answer(Throwable exception, Response otherwise) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainRuleViolation violation) {
                int status = switch (violation.kind()) {
                    case INVALID -> 400;
                    case FORBIDDEN -> 403;
                    case NOT_FOUND -> 404;
                    case CONFLICT -> 409;
                };
                return refusal(status, violation.kind().name(), violation.getMessage(), violation.field());
            }
            if (cause instanceof ModelRefused refused) {
                return refusal(400, "InvalidModel", refused.getMessage(), null);
            }
        }
        // what the engine itself answers 500 for, though the caller's request is at fault
        for (Throwable cause = exception; otherwise.getStatus() >= 500 && cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidatorException invalid) {
                return refusal(400, "InvalidForm", "the form's field " + invalid.getId() + " breaks its rule "
                        + invalid.getName(), invalid.getId());
            }
            if (cause instanceof NullValueException || cause instanceof NotFoundException) {
                return refusal(404, "NotFound", "no such step, or it is no longer open", null);
            }
            if (cause instanceof TaskAlreadyClaimedException || cause instanceof OptimisticLockingException) {
                return refusal(409, "Conflict", "someone else changed this step at the same moment; reload and try again", null);
            }
            if (databaseOutOfReach(cause)) {
                // as http.DatabaseOutage tells it for every other door (this package depends on none of ours)
                return Response.fromResponse(refusal(503, "ServiceUnavailable",
                        "the database cannot be reached just now; nothing was changed, try again in a few seconds", null))
                        .header("Retry-After", "5").build();
            }
        }
        if (otherwise.getStatus() >= 500) {
            // the engine's own 500 carries its exception's text; the log keeps it, the caller gets none of it
            log.error("the engine's REST API failed", exception);
            return Response.status(otherwise.getStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("type",
                    "ServerError", "message", "an unexpected error occurred; it has been logged")).build();
        }
        return otherwise;
    }

    /** Chosen before the engine's own mapper of the same type. */
    @Priority(1)
    public static class RestExceptionRefusals implements ExceptionMapper<RestException> {
        private final org.camunda.bpm.engine.rest.exception.RestExceptionHandler engineDefault =
                new org.camunda.bpm.engine.rest.exception.RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return answer(exception, engineDefault.toResponse(exception));
        }
    }

    /** Chosen before the engine's own mapper of the same type. */
    @Priority(1)
    public static class EngineExceptionRefusals implements ExceptionMapper<ProcessEngineException> {
        private final org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler engineDefault =
                new org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(exception, engineDefault.toResponse(exception));
        }
    }
}
