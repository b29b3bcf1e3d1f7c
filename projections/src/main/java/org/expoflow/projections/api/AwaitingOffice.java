package org.expoflow.projections.api;

import java.util.List;

/**
 * What waits for the expo office's decision, the answer to {@link FindAwaitingOffice}: the reviews of the units'
 * submitted work and the open steps whose unit asked for a later deadline, each the soonest due first.
 */
public record AwaitingOffice(List<TaskSummary> reviews, List<TaskSummary> extensionRequests) {
}
