package org.expoflow.projections.api;

/**
 * What waits for the expo office's decision on an expo: the reviews of the units' submitted work (not the office's
 * chase-ups, which it offers with the overdue steps) and the units' requests for a later deadline, each the soonest
 * due first. All of them, however many steps are open: at a province's scale the console's first 500 open steps by
 * deadline held 28 of the 46 reviews waiting. Answered by {@link AwaitingOffice}.
 */
public record FindAwaitingOffice(String expoId) {
}
