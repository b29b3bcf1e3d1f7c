package org.expoflow.projections.tasks;

/**
 * A unit whose kept tally of completed steps differs from what its task rows add up to: each side as its
 * counts in one line ("completed 3, on_time 1, ..."), null where it has none.
 */
public record UnitTallyDifference(String expoId, String unitId, String kept, String counted) {
}
