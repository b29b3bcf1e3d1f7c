package org.expoflow.workflow.application;

import org.expoflow.commands.api.DomainRuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The years an expo's dates can fall in: 2000 to 2100. A date outside is a typing slip or a probe, and
 * the engine's timers and the read models cannot hold the extremes Java can parse
 * ({@code +999999999-12-31}); it is refused naming the field, on the API and the pages alike.
 */
public final class PlanningWindow {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private PlanningWindow() {
    }

    public static LocalDate check(String field, LocalDate date) {
        if (date != null && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY))) {
            throw DomainRuleViolation.invalid(field, field + " must fall between " + FIRST_DAY + " and " + LAST_DAY + ", not " + date)
                    .coded("dateOutsideWindow", FIRST_DAY.toString(), LAST_DAY.toString(), date.toString());
        }
        return date;
    }

    public static Instant check(String field, Instant instant) {
        if (instant != null && (instant.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !instant.isBefore(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            throw DomainRuleViolation.invalid(field, field + " must fall between " + FIRST_DAY + " and " + LAST_DAY + ", not " + instant)
                    .coded("dateOutsideWindow", FIRST_DAY.toString(), LAST_DAY.toString(), instant.toString());
        }
        return instant;
    }
}
