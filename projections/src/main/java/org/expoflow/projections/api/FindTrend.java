package org.expoflow.projections.api;

import java.time.Instant;
import java.time.ZoneId;

/** Daily series of an expo up to {@code asOf}, each day taken at its end in {@code zone}. */
public record FindTrend(String expoId, Instant asOf, ZoneId zone) {
}
