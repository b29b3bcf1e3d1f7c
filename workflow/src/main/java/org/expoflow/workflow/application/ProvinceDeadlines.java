package org.expoflow.workflow.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A deadline as the province means it: {@code dueOn}, a date, ends at 23:59:59 of that day in the
 * province's time zone; {@code dueAt}, a precise instant, wins when given. Kept to the second, so the
 * timers that watch it and the task that records it hold the same instant. Both fall in the
 * {@link PlanningWindow}.
 */
@Component
public class ProvinceDeadlines {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final ZoneId provinceZone;

    ProvinceDeadlines(@Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.provinceZone = provinceZone;
    }

    /** The deadline asked for, or null when neither is given. */
    public Instant of(LocalDate dueOn, Instant dueAt) {
        PlanningWindow.check("dueOn", dueOn);
        PlanningWindow.check("dueAt", dueAt);
        if (dueAt != null) {
            return dueAt.truncatedTo(ChronoUnit.SECONDS);
        }
        return dueOn == null ? null : dueOn.atTime(END_OF_DAY).atZone(provinceZone).toInstant();
    }
}
