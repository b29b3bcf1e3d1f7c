package org.expoflow.projections.api;

/** A task as the lists show it, without its report texts and history: enough to decide who may act on it. */
public record FindTaskSummary(String taskId) {
}
