package org.expoflow.workflow.api;

/** Input that passed the syntax checks but names something wrong: an unknown unit, kind or figure. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
