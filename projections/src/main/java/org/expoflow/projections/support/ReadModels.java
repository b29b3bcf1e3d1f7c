package org.expoflow.projections.support;

/**
 * The read models share one tracking processor: the board joins tasks with directives, and figures
 * need the directive's expo, so they must all have seen the same events. One processor processes
 * events in store order and its tables are reset and replayed together.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "read-models";

    private ReadModels() {
    }
}
