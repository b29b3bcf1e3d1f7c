package org.expoflow.projections.api;

import java.util.List;

/** The answer to {@link FindStepsToRemind}, by deadline. */
public record StepsToRemind(List<TaskSummary> steps) {
}
