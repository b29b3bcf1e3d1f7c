package org.expoflow.projections.api;

import java.time.Instant;

/**
 * What each unit of an expo did between {@code from} and {@code to} (a month, or the part of the present month gone by),
 * read as it stood at {@code to}; {@code present} says {@code to} is now, answered from the current rows.
 */
public record FindUnitMonths(String expoId, Instant from, Instant to, boolean present) {
}
