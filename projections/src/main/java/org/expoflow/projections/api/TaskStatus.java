package org.expoflow.projections.api;

/**
 * Where a single task stands: waiting for someone to take it, taken, done, removed by the engine, or
 * ended because the office withdrew its directive.
 */
public enum TaskStatus {
    OPEN, CLAIMED, COMPLETED, CANCELLED, WITHDRAWN;

    /** Still to be done: waiting to be taken, or taken. */
    public boolean isActive() {
        return this == OPEN || this == CLAIMED;
    }
}
