package org.expoflow.workflow.api;

/** A path names something that does not exist (or that the caller may not know of). */
public class ResourceNotFound extends RuntimeException {

    private final String field;

    public ResourceNotFound(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
