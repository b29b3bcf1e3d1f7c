package org.expoflow.projections.api;

/**
 * What waits for the expo office's decision on an expo: the reviews of the units' submitted work (not the office's
 * chase-ups, which it offers with the overdue steps) and the units' requests for a later deadline, each the soonest
 * due first. All of them, however many steps are open: filtered from the first open steps by deadline, reviews
 * were missed (docs/performance.md, "A province's morning"). Answered by {@link AwaitingOffice}.
 */
public record FindAwaitingOffice(String expoId) {
}
