package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Burn-up of an expo: per day, the unit steps given out (scope) and done, and each figure's total. */
public record Trend(String expoId, Instant asOf, List<Day> days) {

    public record Day(LocalDate date, int scope, int done, Map<String, BigDecimal> figures) {
    }
}
