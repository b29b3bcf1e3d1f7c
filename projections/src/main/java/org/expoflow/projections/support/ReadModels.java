package org.expoflow.projections.support;

/**
 * The read models share one processing group: the board joins tasks with directives, and figures
 * need the directive's expo, so they must all have seen the same events. The group projects events in
 * store order (in the writer's transaction) and its tables are rebuilt
 * together, beside the live ones, and switched in together.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "read-models";

    private ReadModels() {
    }
}
