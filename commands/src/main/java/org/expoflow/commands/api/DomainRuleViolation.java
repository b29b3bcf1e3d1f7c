package org.expoflow.commands.api;

import java.util.List;

/**
 * A refusal, the one kind ExpoFlow has: a command refused by an aggregate, or a request refused by the
 * application before any command (input naming an unknown unit, kind or figure; a path to nothing). The
 * {@link Kind} tells callers how to answer (the REST API maps it to 400, 403, 404 or 409, the pages show
 * it at the form); {@code field} names the input at fault, when there is one.
 * <p>
 * Thrown inside the engine's transaction, it rolls back the engine change that caused the command.
 */
public class DomainRuleViolation extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;
    private final String code;
    private final List<Object> arguments;
    private final List<DomainRuleViolation> alsoRefused = new java.util.ArrayList<>();

    public DomainRuleViolation(Kind kind, String field, String message) {
        this(kind, field, message, null, List.of());
    }

    private DomainRuleViolation(Kind kind, String field, String message, String code, List<Object> arguments) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.code = code;
        this.arguments = arguments;
    }

    /**
     * The same refusal, with a code (and its arguments) by which the application says it in the reader's
     * language; the message stays the developers' and the logs'.
     */
    public DomainRuleViolation coded(String refusalCode, Object... refusalArguments) {
        DomainRuleViolation coded = new DomainRuleViolation(kind, field, getMessage(), refusalCode,
                java.util.Arrays.stream(refusalArguments).map(argument -> argument == null ? "" : argument).toList());
        coded.alsoRefused.addAll(alsoRefused);
        return coded;
    }

    /**
     * This refusal with another of the same request at another field, so that a form shows every field at fault at
     * once; this one stays the first, by which the request is answered.
     */
    public DomainRuleViolation and(DomainRuleViolation other) {
        alsoRefused.add(other);
        alsoRefused.addAll(other.alsoRefused);
        other.alsoRefused.clear();
        return this;
    }

    /** The refusals of the same request at other fields, in the order of their fields. */
    public List<DomainRuleViolation> alsoRefused() {
        return List.copyOf(alsoRefused);
    }

    public static DomainRuleViolation invalid(String field, String message) {
        return new DomainRuleViolation(Kind.INVALID, field, message);
    }

    /** A path or a reference names something that does not exist (or that the caller may not know of). */
    public static DomainRuleViolation notFound(String field, String message) {
        return new DomainRuleViolation(Kind.NOT_FOUND, field, message);
    }

    public static DomainRuleViolation forbidden(String message) {
        return new DomainRuleViolation(Kind.FORBIDDEN, null, message);
    }

    public static DomainRuleViolation conflict(String message) {
        return new DomainRuleViolation(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** The code by which the refusal is said to people, or {@code null}: then its message is all there is. */
    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
