package org.expoflow.workflow.http;

import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.ConcurrencyException;
import org.expoflow.commands.api.DomainRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.expoflow.projections.support.ProjectionRebuild;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.application.AttachmentRefused;
import org.expoflow.workflow.engine.EngineFailures;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Every error of the API as an RFC 9457 problem: a status, a sentence for people, and {@code field}
 * naming the input at fault (with {@code errors} listing all of them for validation failures).
 * Refusals by the domain may arrive wrapped by the engine; the first {@link DomainRuleViolation} in
 * the cause chain decides.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final Refusals refusals;
    private final RequestRules rules;
    private final EngineFailures engineFailures;

    public ProblemResponses(Refusals refusals, RequestRules rules, EngineFailures engineFailures) {
        this.refusals = refusals;
        this.rules = rules;
        this.engineFailures = engineFailures;
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> runtime(RuntimeException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainRuleViolation violation) {
                return domain(violation);
            }
            var engineFailure = engineFailures.meaningOf(cause);
            if (engineFailure.isPresent()) {
                return engineProblem(engineFailure.get(), cause);
            }
            if (cause instanceof ConcurrencyException) {
                return problem(HttpStatus.CONFLICT, null, refusals.text("changedMeanwhile"));
            }
            if (cause instanceof MultipartException) {
                return multipart(exception);
            }
            if (cause instanceof AccessDeniedException denied) {
                return problem(HttpStatus.FORBIDDEN, null, denied.getMessage());
            }
            if (cause instanceof ProjectionRebuild.RebuildFailed failed) {
                return problem(HttpStatus.INTERNAL_SERVER_ERROR, "name", failed.getMessage());
            }
            if (DatabaseOutage.isCause(cause)) {
                log.warn("the database cannot be reached: {}", cause.toString());
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, DatabaseOutageAnswers.RETRY_AFTER_SECONDS)
                        .body(body(HttpStatus.SERVICE_UNAVAILABLE, null, refusals.text("databaseUnavailable")));
            }
        }
        log.error("unexpected failure", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, null, refusals.text("unexpected"));
    }

    private ResponseEntity<ProblemDetail> engineProblem(EngineFailures.Meaning meaning, Throwable failure) {
        if (meaning instanceof EngineFailures.TakenBy taken) {
            return problem(HttpStatus.CONFLICT, null, refusals.text("claimedBy", taken.assignee()));
        }
        if (meaning instanceof EngineFailures.ChangedMeanwhile) {
            return problem(HttpStatus.CONFLICT, null, refusals.text("changedMeanwhile"));
        }
        // the engine's message names its own variables and tables ("dueAt is null"): not for the caller
        log.debug("not found", failure);
        return problem(HttpStatus.NOT_FOUND, null, refusals.text("notFoundHere"));
    }

    /**
     * An upload the servlet container would not read: more parts than {@code server.tomcat.max-part-count} or
     * larger than {@code spring.servlet.multipart.*} allow is 413, any other malformed body 400; either names
     * {@code file} and says nothing of the parser's exception.
     */
    private ResponseEntity<ProblemDetail> multipart(RuntimeException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException || cause.getClass().getSimpleName().contains("LimitExceeded")) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, "file", refusals.text("uploadTooLarge"));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "file", refusals.text("uploadNotMultipart"));
    }

    private ResponseEntity<ProblemDetail> domain(DomainRuleViolation violation) {
        if (violation instanceof AttachmentRefused) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, violation.field(), refusals.sentence(violation));
        }
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ResponseEntity<ProblemDetail> answer = problem(status, violation.field(), refusals.sentence(violation));
        if (!violation.alsoRefused().isEmpty() && answer.getBody() != null) {
            List<Map<String, String>> errors = new java.util.ArrayList<>();
            errors.add(Map.of("field", String.valueOf(violation.field()), "detail", refusals.sentence(violation)));
            violation.alsoRefused().forEach(other -> errors.add(Map.of("field", String.valueOf(other.field()),
                    "detail", refusals.sentence(other))));
            answer.getBody().setProperty("errors", errors);
        }
        return answer;
    }

    /**
     * A body that breaks its record's rules (checked by {@code @Valid} at the door): told as the application service
     * would tell it ({@link RequestRules}), each field by its label in the reader's language.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Object body = exception.getBindingResult().getTarget();
        java.util.Optional<DomainRuleViolation> refused = body == null ? java.util.Optional.empty() : rules.refusal(body);
        if (refused.isPresent()) {
            return ResponseEntity.badRequest().body(domain(refused.get()).getBody());
        }
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "detail", error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage()))
                .toList();
        Map<String, String> first = errors.isEmpty() ? Map.of("field", "body", "detail", refusals.text("bodyNotJson")) : errors.get(0);
        ProblemDetail problem = body(HttpStatus.BAD_REQUEST, first.get("field"), first.get("detail"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException exception,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(body(HttpStatus.PAYLOAD_TOO_LARGE, "file", refusals.text("uploadTooLarge")));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
                                                                             HttpHeaders headers, HttpStatusCode status,
                                                                             WebRequest request) {
        var first = exception.getParameterValidationResults().stream().findFirst();
        String field = first.map(result -> result.getMethodParameter().getParameterName()).orElse("request");
        // the rule's own words, in the reader's language as the validator interpolates them ("最小不能小于0")
        String rule = first.flatMap(result -> result.getResolvableErrors().stream().findFirst())
                .map(org.springframework.context.MessageSourceResolvable::getDefaultMessage).orElse("");
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, field, refusals.text("parameterInvalid", field, rule)));
    }

    /** A query or path parameter of the wrong kind: an enum's values listed, otherwise the kind of value it takes. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = exception.getPropertyName() == null ? "request" : exception.getPropertyName();
        Class<?> wanted = exception.getRequiredType();
        String value = String.valueOf(exception.getValue());
        String detail = wanted != null && wanted.isEnum()
                ? refusals.text("parameterNotOneOf", field, value, java.util.Arrays.stream(wanted.getEnumConstants())
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
                : refusals.text("parameterWrongType", field, value,
                        refusals.word("valueKind." + kindOf(wanted), refusals.word("valueKind.other", "")));
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, field, detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "body";
        String detail = refusals.text("bodyNotJson");
        if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            detail = wrongValue(field, mapping);
        }
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, field, detail));
    }

    /** What is wrong with one field of a body, in the reader's language: the values it may take, or the kind of value. */
    private String wrongValue(String field, JsonMappingException mapping) {
        if (mapping instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return refusals.text("fieldUnknown", field);
        }
        if (mapping instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid) {
            if (invalid.getTargetType() == String.class) {
                return PlainText.refusal(field, PlainText.forbiddenCharacter(String.valueOf(invalid.getValue())));
            }
            if (invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
                String allowed = java.util.Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", "));
                return refusals.text("fieldNotOneOf", field, String.valueOf(invalid.getValue()), allowed);
            }
        }
        Class<?> wanted = mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched
                ? mismatched.getTargetType() : null;
        return refusals.text("fieldWrongType", field, refusals.word("valueKind." + kindOf(wanted), refusals.word("valueKind.other", "")));
    }

    private static String kindOf(Class<?> type) {
        if (type == null) {
            return "other";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "other";
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String field, String detail) {
        return ResponseEntity.status(status).body(body(status, field, detail));
    }

    private static ProblemDetail body(HttpStatus status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
