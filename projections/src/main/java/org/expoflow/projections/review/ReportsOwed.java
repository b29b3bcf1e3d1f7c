package org.expoflow.projections.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.support.ReportingDue;
import org.expoflow.projections.support.Times;
import org.expoflow.projections.tasks.UnitStepReadings.UnitStep;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports units owe at an instant: one per directive asking for a report every so often and open for its unit
 * then, due a period after the unit's latest report or completed step on it (or the issue). The statistics count
 * those missed; a unit's month counts those owed and those missed.
 */
final class ReportsOwed {

    /** A unit's report on one directive, due at {@code dueAt} (null when its cadence owes none). */
    record Owed(String unitId, Instant dueAt) {

        boolean missedBy(Instant asOf) {
            return dueAt != null && dueAt.isBefore(asOf);
        }
    }

    private ReportsOwed() {
    }

    /** {@code steps}: the units' steps as of {@code asOf}, by which each was last heard of. */
    static List<Owed> at(JdbcTemplate jdbc, String expoId, Instant asOf, Collection<UnitStep> steps) {
        // each assignment looks at its own steps only, not at every step of its unit
        Map<String, List<UnitStep>> stepsByAssignment = new HashMap<>();
        steps.forEach(step -> stepsByAssignment.computeIfAbsent(step.unitId() + "/" + step.directiveId(),
                assignment -> new ArrayList<>()).add(step));
        List<Owed> owed = new ArrayList<>();
        jdbc.query("select u.unit_id, u.directive_id, d.report_every, d.issued_at from directive_unit_view u"
                        + " join directive_view d on d.directive_id = u.directive_id where u.expo_id = ? and d.report_every is not null"
                        + " and d.issued_at <= ? and (u.finished_at is null or u.finished_at > ?)"
                        + " and (d.withdrawn_at is null or d.withdrawn_at > ?)",
                rs -> {
                    String unitId = rs.getString("unit_id");
                    Instant last = Times.instant(rs, "issued_at");
                    for (UnitStep step : stepsByAssignment.getOrDefault(unitId + "/" + rs.getString("directive_id"), List.of())) {
                        last = ReportingDue.heardOf(last, step.latestReportAt(), step.status() == TaskStatus.COMPLETED,
                                step.closedAt());
                    }
                    owed.add(new Owed(unitId, ReportingDue.after(rs.getString("report_every"), last)));
                }, expoId, Times.utc(asOf), Times.utc(asOf), Times.utc(asOf));
        return owed;
    }
}
