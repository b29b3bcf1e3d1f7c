package org.expoflow.projections.tasks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.tasks.UnitStepReadings.UnitStep;

/**
 * A unit's own steps as the statistics count them at a moment: completed on time or late (with the days
 * late, each step's rounded to a tenth of a day; a step sent back for rework no longer counts), not yet due, overdue or without a deadline, and the
 * chase-ups it had and acknowledged (with the hours each took, to a hundredth). Counted from the steps
 * read ({@link #of}), or for the present from the open steps counted by the database and the completed ones' kept tally
 * ({@link UnitStepReadings#unitStepTalliesNow}), the same way.
 */
public record UnitStepTally(int steps, int completed, int onTime, int late, int notYetDue, int overdue, int noDeadline,
                            BigDecimal daysLate, int chaseUps, int acknowledged, BigDecimal hoursToAcknowledge) {

    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    public static final UnitStepTally NONE = new UnitStepTally(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(1), 0, 0,
            BigDecimal.ZERO.setScale(2));

    public static UnitStepTally of(List<UnitStep> steps, Instant asOf) {
        int completed = 0, onTime = 0, late = 0, notYetDue = 0, overdue = 0, noDeadline = 0, chaseUps = 0, acknowledged = 0;
        BigDecimal daysLate = NONE.daysLate();
        BigDecimal hoursToAcknowledge = NONE.hoursToAcknowledge();
        int counted = 0;
        for (UnitStep step : steps) {
            if (step.returned()) {
                continue; // sent back for rework: its redo counts instead
            }
            counted++;
            if (step.status() == TaskStatus.COMPLETED) {
                completed++;
            }
            if (step.dueAt() == null) {
                noDeadline++;
            } else if (step.status() == TaskStatus.COMPLETED) {
                if (step.closedAt().isAfter(step.dueAt())) {
                    late++;
                    daysLate = daysLate.add(days(Duration.between(step.dueAt(), step.closedAt())));
                } else {
                    onTime++;
                }
            } else if (step.dueAt().isBefore(asOf)) {
                overdue++;
            } else {
                notYetDue++;
            }
            if (step.chasedUpAt() != null) {
                chaseUps++;
                if (step.chaseUpAcknowledgedAt() != null) {
                    acknowledged++;
                    hoursToAcknowledge = hoursToAcknowledge.add(hours(Duration.between(step.chasedUpAt(), step.chaseUpAcknowledgedAt())));
                }
            }
        }
        return new UnitStepTally(counted, completed, onTime, late, notYetDue, overdue, noDeadline, daysLate, chaseUps,
                acknowledged, hoursToAcknowledge);
    }

    /** The two tallies of one unit's steps together: its open ones and its completed ones. */
    public UnitStepTally plus(UnitStepTally other) {
        return new UnitStepTally(steps + other.steps, completed + other.completed, onTime + other.onTime, late + other.late,
                notYetDue + other.notYetDue, overdue + other.overdue, noDeadline + other.noDeadline,
                daysLate.add(other.daysLate), chaseUps + other.chaseUps, acknowledged + other.acknowledged,
                hoursToAcknowledge.add(other.hoursToAcknowledge));
    }

    /** A duration in days to a tenth, from its hours to a hundredth (whole minutes). */
    public static BigDecimal days(Duration duration) {
        return hours(duration).divide(HOURS_PER_DAY, 1, RoundingMode.HALF_UP);
    }

    /** A duration in hours to a hundredth, of its whole minutes. */
    public static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
