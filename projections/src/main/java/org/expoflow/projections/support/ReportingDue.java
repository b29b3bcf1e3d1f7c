package org.expoflow.projections.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * When a unit owes its next progress report on a directive that asks for one every {@code reportEvery} (an ISO-8601
 * period): a period after its latest report or completed step, or after the directive was issued when it has
 * neither. Months are calendar months.
 */
public final class ReportingDue {

    private ReportingDue() {
    }

    /**
     * The report due after {@code lastActivity} (the latest report or completion, else the issue), or null without
     * cadence. A cadence stored before cadences were bounded ({@code P999999999Y}) owes no report rather than
     * break the board that reads it.
     */
    public static Instant after(String reportEvery, Instant lastActivity) {
        if (reportEvery == null || lastActivity == null) {
            return null;
        }
        try {
            return lastActivity.atOffset(ZoneOffset.UTC).plus(Period.parse(reportEvery)).toInstant();
        } catch (DateTimeException | ArithmeticException beyondTime) {
            return null;
        }
    }

    /** The latest a unit was heard of, {@code last} so far, after one of its steps: its latest report, or its completion. */
    public static Instant heardOf(Instant last, Instant latestReportAt, boolean completed, Instant closedAt) {
        Instant heard = later(last, latestReportAt);
        return completed ? later(heard, closedAt) : heard;
    }

    /** The later of two instants, either possibly null. */
    public static Instant later(Instant one, Instant other) {
        if (one == null) {
            return other;
        }
        return other == null || one.isAfter(other) ? one : other;
    }
}
