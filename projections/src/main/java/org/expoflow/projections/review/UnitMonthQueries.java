package org.expoflow.projections.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.projections.api.FindUnitHistory;
import org.expoflow.projections.api.FindUnitMonths;
import org.expoflow.projections.api.TaskHistoryEntry;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.UnitHistory;
import org.expoflow.projections.api.UnitMonth;
import org.expoflow.projections.support.JsonColumns;
import org.expoflow.projections.support.Times;
import org.expoflow.projections.tasks.UnitStepReadings;
import org.expoflow.projections.tasks.UnitStepReadings.UnitStep;
import org.expoflow.projections.tasks.UnitStepTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A unit's month and a unit's history, for the ranking of units (考核评分) and the page of a city. A month is read from
 * the versions of the steps as they stood at its end and the event times they carry (completed, due, chased up, sent
 * back), never from the rows as they stand today: a month asked again later answers as it did then (ADR 0033).
 */
@Component
public class UnitMonthQueries {

    private final UnitStepReadings unitSteps;
    private final JdbcTemplate jdbc;

    public UnitMonthQueries(UnitStepReadings unitSteps, JdbcTemplate jdbc) {
        this.unitSteps = unitSteps;
        this.jdbc = jdbc;
    }

    private static final class Counts {
        int onTime;
        int late;
        int overdue;
        BigDecimal daysLate = UnitStepTally.NONE.daysLate();
        int chaseUps;
        int returns;
        int reportsOwed;
        int reportsMissed;
    }

    @QueryHandler
    public UnitMonth.Report handle(FindUnitMonths query) {
        Instant from = query.from();
        Instant to = query.to();
        Map<String, Counts> counts = new HashMap<>();
        List<UnitStep> atTheEnd = unitSteps.unitStepsOfExpo(query.expoId(), to, query.present());
        for (UnitStep step : atTheEnd) {
            Counts unit = counts.computeIfAbsent(step.unitId(), u -> new Counts());
            if (step.returned() || step.dueAt() == null) {
                continue; // sent back for rework, its redo counts instead; without a deadline, never late
            }
            if (step.status() == TaskStatus.COMPLETED && within(step.closedAt(), from, to)) {
                if (step.closedAt().isAfter(step.dueAt())) {
                    unit.late++;
                    unit.daysLate = unit.daysLate.add(UnitStepTally.days(Duration.between(later(step.dueAt(), from), step.closedAt())));
                } else {
                    unit.onTime++;
                }
            } else if (step.status().isActive() && step.dueAt().isBefore(to)) {
                unit.overdue++;
                unit.daysLate = unit.daysLate.add(UnitStepTally.days(Duration.between(later(step.dueAt(), from), to)));
            }
        }
        // every chase-up (催办 and 督办 alike) and every return is a line of its step's history, kept with its time
        jdbc.query("select t.unit_id, h.type, count(*) as times from task_history h join task_view t on t.task_id = h.task_id"
                        + " where h.type in ('TaskChasedUp', 'TaskReturnedForRework') and h.occurred_at >= ? and h.occurred_at < ?"
                        + " and t.expo_id = ? and t.supervised_task_id is null and t.candidate_group not in ('coordinator', 'leader')"
                        + " group by t.unit_id, h.type",
                rs -> {
                    Counts unit = counts.computeIfAbsent(rs.getString("unit_id"), u -> new Counts());
                    if ("TaskChasedUp".equals(rs.getString("type"))) {
                        unit.chaseUps += rs.getInt("times");
                    } else {
                        unit.returns += rs.getInt("times");
                    }
                }, Times.utc(from), Times.utc(to), query.expoId());
        reports(query.expoId(), to, atTheEnd, counts);
        List<UnitMonth> units = new ArrayList<>();
        unitNames(query.expoId(), to).forEach((unitId, name) -> {
            Counts unit = counts.getOrDefault(unitId, new Counts());
            units.add(new UnitMonth(unitId, name, unit.onTime, unit.late, unit.overdue, unit.daysLate, unit.chaseUps,
                    unit.returns, unit.reportsOwed, unit.reportsMissed));
        });
        return new UnitMonth.Report(query.expoId(), from, to, units);
    }

    /** Per unit, the reports it owed at {@code asOf}, and those it had missed then ({@link ReportsOwed}). */
    private void reports(String expoId, Instant asOf, List<UnitStep> steps, Map<String, Counts> counts) {
        for (ReportsOwed.Owed owed : ReportsOwed.at(jdbc, expoId, asOf, steps)) {
            Counts unit = counts.computeIfAbsent(owed.unitId(), u -> new Counts());
            unit.reportsOwed++;
            if (owed.missedBy(asOf)) {
                unit.reportsMissed++;
            }
        }
    }

    @QueryHandler
    public UnitHistory handle(FindUnitHistory query) {
        // the newest lines first by their time, each kept if its step is the unit's: a unit's page stops after a few
        // thousand lines instead of sorting every line of its steps (docs/performance.md, "A province's morning")
        return new UnitHistory(jdbc.query("select h.task_id, h.occurred_at, h.type, h.actor, h.details from task_history h"
                        + " where h.task_id in (select t.task_id from task_view t where t.expo_id = ?"
                        + " and (t.unit_id = ? or t.candidate_group = ?"
                        + " or t.task_id = any(array(select c.task_id from task_cooperation c where c.unit_id = ?))))"
                        + " order by h.occurred_at desc, h.task_id, h.seq desc limit ?",
                (rs, n) -> new UnitHistory.Entry(rs.getString("task_id"), new TaskHistoryEntry(Times.instant(rs, "occurred_at"),
                        rs.getString("type"), rs.getString("actor"), JsonColumns.details(rs.getString("details")))),
                query.expoId(), query.unitId(), query.unitId(), query.unitId(), query.limit()));
    }

    private Map<String, String> unitNames(String expoId, Instant asOf) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("select unit_id, name from expo_unit_view where expo_id = ? and (enrolled_at is null or enrolled_at <= ?)"
                + " order by unit_id", rs -> {
            names.put(rs.getString("unit_id"), rs.getString("name"));
        }, expoId, Times.utc(asOf));
        return names;
    }

    private static boolean within(Instant instant, Instant from, Instant to) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
