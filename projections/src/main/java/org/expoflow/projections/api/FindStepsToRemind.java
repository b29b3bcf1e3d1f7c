package org.expoflow.projections.api;

import java.time.Instant;

/**
 * The units' open steps (not the office's reviews, not chase-ups) whose deadline in force falls before
 * {@code dueBefore}, overdue ones included: the steps a reminder may be due for. Answered with {@link StepsToRemind}.
 */
public record FindStepsToRemind(Instant dueBefore) {
}
