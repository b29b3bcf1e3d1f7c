package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One unit's month, counted from the event times its steps carry, as they stood at the month's end: its own steps
 * completed in the month {@code onTime} or {@code late}; its steps still open at the month's end past their deadline
 * ({@code overdue}); {@code daysLate}, the days within the month those late and overdue steps spent past their deadline
 * (each to a tenth); the {@code chaseUps} it received in the month; the steps of it the office sent back for rework in the
 * month ({@code returns}); and of the directives asking it for a report every so often, open at the month's end
 * ({@code reportsOwed}), those on which its report was missing then ({@code reportsMissed}).
 */
public record UnitMonth(String unitId, String name, int onTime, int late, int overdue, BigDecimal daysLate, int chaseUps,
                        int returns, int reportsOwed, int reportsMissed) {

    /** Every enrolled unit's month, in no particular order. */
    public record Report(String expoId, Instant from, Instant to, List<UnitMonth> units) {
    }
}
