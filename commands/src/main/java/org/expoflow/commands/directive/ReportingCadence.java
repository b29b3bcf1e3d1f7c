package org.expoflow.commands.directive;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.expoflow.commands.api.DomainRuleViolation;

/**
 * How often a directive wants each unit's progress report: an ISO-8601 period of whole days, weeks or months
 * ({@code P7D}, {@code P2W}, {@code P1M}), at least a day and at most a year. A report more often than daily is no
 * report, it is noise; one less often than yearly outlives any expo, and the extremes a period can spell
 * ({@code P999999999Y}) overflow every instant they are added to.
 */
final class ReportingCadence {

    private ReportingCadence() {
    }

    /** The cadence as the event keeps it (normalised), none when none is asked for; refused naming {@code reportEvery}. */
    static String checked(String reportEvery) {
        if (reportEvery == null || reportEvery.isBlank()) {
            return null;
        }
        Period period;
        try {
            period = Period.parse(reportEvery.strip());
        } catch (DateTimeParseException notAPeriod) {
            throw DomainRuleViolation.invalid("reportEvery", "a reporting cadence is a period of at least a day, such as P7D"
                    + " or P1M, not '" + reportEvery + "'").coded("reportEveryShort", reportEvery);
        }
        if (period.isNegative() || period.isZero()) {
            throw DomainRuleViolation.invalid("reportEvery", "a reporting cadence is a period of at least a day, not '"
                    + reportEvery + "'").coded("reportEveryShort", reportEvery);
        }
        if (longerThanAYear(period)) {
            throw DomainRuleViolation.invalid("reportEvery", "a reporting cadence is a period of at most a year, such as P1M,"
                    + " not '" + reportEvery + "'").coded("reportEveryLong", reportEvery);
        }
        return period.normalized().toString();
    }

    /** Measured from a leap year's first day, so that P366D is a year too. */
    private static boolean longerThanAYear(Period period) {
        LocalDate from = LocalDate.of(2000, 1, 1);
        try {
            return from.plus(period).isAfter(from.plusYears(1));
        } catch (DateTimeException | ArithmeticException overflow) {
            return true;
        }
    }
}
