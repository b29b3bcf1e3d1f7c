package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The counts the offices already keep, per unit, over its own steps (not the office's reviews, not
 * chase-ups): done on time, done late, not yet due, overdue, without deadline; the completion rate;
 * how late the late ones were on average; chase-ups received and how fast the unit acknowledged them;
 * {@code reportsOverdue}, the directives asking for a progress report every so often on which the unit's is missing.
 */
public record UnitStatistics(String unitId, String name, int steps, int completed, int onTime, int late, int notYetDue,
                             int overdue, int noDeadline, BigDecimal completionRate, BigDecimal averageDaysLate,
                             int chaseUps, int chaseUpsAcknowledged, BigDecimal averageHoursToAcknowledge,
                             int reportsOverdue) {

    public record Report(String expoId, Instant asOf, List<UnitStatistics> units) {
    }
}
