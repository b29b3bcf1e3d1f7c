package org.expoflow.workflow.engine;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
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
 * allowed, 400 for bad input, 409 for a conflict, with the domain's message. A model that is not XML is
 * the uploader's error (400, where it breaks); any other failure of the engine is 500 without its text.
 */
@Component
public class EngineRestRefusals implements ResourceConfigCustomizer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EngineRestRefusals.class);

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestExceptionRefusals.class);
        config.register(EngineExceptionRefusals.class);
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
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("type", violation.kind().name());
                body.put("message", violation.getMessage());
                if (violation.field() != null) {
                    body.put("field", violation.field());
                }
                return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
            }
            if (cause instanceof org.xml.sax.SAXParseException notXml) {
                return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("type", "InvalidModel",
                        "message", "the model is not well-formed XML (line " + notXml.getLineNumber() + ", column "
                                + notXml.getColumnNumber() + ")")).build();
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
