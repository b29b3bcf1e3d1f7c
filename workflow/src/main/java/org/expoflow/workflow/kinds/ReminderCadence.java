package org.expoflow.workflow.kinds;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * When a kind reminds a unit of an open step: at each lead {@code before} its deadline, longest first, then every
 * {@code overdueEvery} while it is overdue. A kind declares them on its process as {@code camunda:property}
 * {@code remindBefore} (ISO-8601 durations separated by commas, e.g. {@code P14D,P7D}; empty for none) and
 * {@code remindOverdueEvery} (at least a day, e.g. {@code P1D}).
 */
public record ReminderCadence(List<Duration> before, Duration overdueEvery) {

    public static final String REMIND_BEFORE = "remindBefore";
    public static final String REMIND_OVERDUE_EVERY = "remindOverdueEvery";

    public Duration longestLead() {
        return before.isEmpty() ? Duration.ZERO : before.get(0);
    }

    /** Reads a cadence; refused with the name ({@code beforeName}, {@code everyName}) of what cannot be read. */
    public static ReminderCadence parse(String before, String every, String beforeName, String everyName) {
        List<Duration> leads;
        try {
            leads = before == null || before.isBlank() ? List.of() : Arrays.stream(before.split(","))
                    .map(String::strip).map(Duration::parse).sorted(Comparator.reverseOrder()).toList();
        } catch (DateTimeParseException notADuration) {
            throw new IllegalArgumentException(beforeName + ": durations such as P7D,P3D, not '" + before + "'");
        }
        if (leads.stream().anyMatch(lead -> lead.isNegative() || lead.isZero())) {
            throw new IllegalArgumentException(beforeName + ": each lead is a positive duration, not '" + before + "'");
        }
        Duration period;
        try {
            period = Duration.parse(every == null ? "" : every.strip());
        } catch (DateTimeParseException notADuration) {
            throw new IllegalArgumentException(everyName + ": a duration such as P1D, not '" + every + "'");
        }
        if (period.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(everyName + ": at least a day (P1D), not '" + every + "'");
        }
        return new ReminderCadence(leads, period);
    }

    /** This cadence with what a kind declares instead, where it declares anything. */
    public ReminderCadence overriddenBy(String declaredBefore, String declaredEvery) {
        if (declaredBefore == null && declaredEvery == null) {
            return this;
        }
        return parse(declaredBefore == null ? String.join(",", before.stream().map(Duration::toString).toList()) : declaredBefore,
                declaredEvery == null ? overdueEvery.toString() : declaredEvery, REMIND_BEFORE, REMIND_OVERDUE_EVERY);
    }
}
