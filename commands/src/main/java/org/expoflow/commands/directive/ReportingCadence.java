package org.expoflow.commands.directive;

import java.time.Period;
import java.time.format.DateTimeParseException;

import org.expoflow.commands.api.DomainRuleViolation;

/**
 * How often a directive wants each unit's progress report: an ISO-8601 period of whole days, weeks or months
 * ({@code P7D}, {@code P2W}, {@code P1M}), at least a day. A report more often than daily is no report, it is noise.
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
        return period.normalized().toString();
    }
}
