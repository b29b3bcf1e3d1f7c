package org.expoflow.projections.api;

import java.time.Instant;

/** The overdue (or, with {@code dueSoon}, the due-soon) unit steps of an expo at {@code asOf} (null: now), sorted by {@code sort}. */
public record FindDeadlineList(String expoId, Instant asOf, boolean dueSoon, String sort) {
}
