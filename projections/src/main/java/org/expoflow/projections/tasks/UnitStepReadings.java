package org.expoflow.projections.tasks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.projections.api.FindUnitStepCounts;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitStepCounts;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The units' own steps as the statistics, the reports overdue, the next reports and the trend count them: not
 * the office's reviews, not chase-ups, not steps closed by the engine or a withdrawal; a step done and then
 * sent back for rework gives way to its redo. Read as they stand now or stood at any past instant, with only
 * the columns counted, since a province's expo holds tens of thousands of them; it writes nothing.
 */
@Component
public class UnitStepReadings {

    // a version of a unit's own step: not the office's review, not a chase-up, not closed by the engine or a withdrawal
    private static final String UNIT_STEP_VERSION = "supervised_task_id is null and candidate_group not in (:office)"
            + " and status not in ('CANCELLED', 'WITHDRAWN')";

    // a unit's own step with what the statistics count (the columns of UNIT_STEP_COLUMNS)
    private static final RowMapper<UnitStep> UNIT_STEP = (rs, n) -> new UnitStep(rs.getString("unit_id"),
            TaskStatus.valueOf(rs.getString("status")), Times.instant(rs, "due_at"), Times.instant(rs, "closed_at"),
            Times.instant(rs, "chased_up_at"), Times.instant(rs, "chase_up_acknowledged_at"), rs.getString("directive_id"),
            Times.instant(rs, "latest_report_at"), Times.instant(rs, "reworked_at") != null);
    private static final String UNIT_STEP_COLUMNS = "unit_id, directive_id, status, due_at, closed_at, chased_up_at,"
            + " chase_up_acknowledged_at, latest_report_at, reworked_at";

    // a version of a unit's own step in force: not one done and then sent back for rework, which its redo replaces
    private static final String UNIT_STEP_IN_FORCE = UNIT_STEP_VERSION + " and reworked_at is null";

    private static final RowMapper<StepSpan> STEP_SPAN = (rs, n) -> new StepSpan(Times.instant(rs, "valid_from"),
            Times.instant(rs, "valid_to"), TaskStatus.COMPLETED.name().equals(rs.getString("status")));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public UnitStepReadings(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A unit's own step, as the statistics count it; {@code returned}: done, then sent back for rework by the office's
     * review (its redo counts instead; the reports overdue still hear of it).
     */
    public record UnitStep(String unitId, TaskStatus status, Instant dueAt, Instant closedAt, Instant chasedUpAt,
                           Instant chaseUpAcknowledgedAt, String directiveId, Instant latestReportAt, boolean returned) {
    }

    /** While a version of a unit's step was in force, and whether it was completed then. */
    public record StepSpan(Instant validFrom, Instant validTo, boolean completed) {
    }

    /** Counted in the database, one row per unit: a scrape must not read every task. */
    @QueryHandler
    public UnitStepCounts.Report handle(FindUnitStepCounts query) {
        String open = "status in ('OPEN', 'CLAIMED')";
        return new UnitStepCounts.Report(jdbc.query("select unit_id,"
                        + " sum(case when " + open + " then 1 else 0 end) as open_steps,"
                        + " sum(case when " + open + " and due_at < :now then 1 else 0 end) as overdue_steps,"
                        + " sum(case when " + open + " and not (due_at < :now) and due_soon_since <= :now then 1 else 0 end)"
                        + " as due_soon_steps,"
                        + " sum(case when due_at <= :now then 1 else 0 end) as due_steps,"
                        + " sum(case when status = 'COMPLETED' then 1 else 0 end) as done_steps"
                        + " from task_view where " + UNIT_STEP_IN_FORCE + " group by unit_id order by unit_id",
                new MapSqlParameterSource("now", Times.utc(query.now())).addValue("office", CompletedStepTallies.OFFICE),
                (rs, n) -> new UnitStepCounts(rs.getString("unit_id"), rs.getLong("open_steps"), rs.getLong("overdue_steps"),
                        rs.getLong("due_soon_steps"), rs.getLong("due_steps"), rs.getLong("done_steps"))));
    }

    /**
     * An expo's unit steps as they stood at {@code asOf}, with only what the statistics count: a province's expo
     * holds tens of thousands of tasks, and reading each whole was most of the statistics' time. For the present,
     * the current rows.
     */
    public List<UnitStep> unitStepsOfExpo(String expoId, Instant asOf, boolean present) {
        String when = present ? "" : " and valid_from <= :asOf and (valid_to is null or valid_to > :asOf)";
        return jdbc.query("select " + UNIT_STEP_COLUMNS + " from " + (present ? "task_view" : "task_version")
                        + " where expo_id = :expo" + when + " and " + UNIT_STEP_VERSION,
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf))
                        .addValue("office", CompletedStepTallies.OFFICE),
                UNIT_STEP);
    }

    /**
     * Per unit, its own steps in force now as the statistics count them ({@link UnitStepTally#of} for the same
     * from rows read): its open steps counted by the database at the hour asked, its completed ones from the
     * tally kept as they completed ({@link CompletedStepTallies}): a province's expo holds tens of thousands of
     * completed unit steps and about a thousand open ones. Days late and hours to acknowledge are rounded per
     * step as {@link UnitStepTally} rounds them, then summed.
     */
    public Map<String, UnitStepTally> unitStepTalliesNow(String expoId, Instant now) {
        String acknowledged = "chased_up_at is not null and chase_up_acknowledged_at is not null";
        Map<String, UnitStepTally> tallies = new HashMap<>();
        jdbc.query("select unit_id, count(*) as steps,"
                        + " sum(case when due_at >= :now then 1 else 0 end) as not_yet_due,"
                        + " sum(case when due_at < :now then 1 else 0 end) as overdue,"
                        + " sum(case when due_at is null then 1 else 0 end) as no_deadline,"
                        + " sum(case when chased_up_at is not null then 1 else 0 end) as chase_ups,"
                        + " sum(case when " + acknowledged + " then 1 else 0 end) as acknowledged,"
                        + " sum(case when " + acknowledged + " then " + CompletedStepTallies.hoursBetween("chased_up_at",
                        "chase_up_acknowledged_at") + " end) as hours_to_acknowledge"
                        + " from task_view where expo_id = :expo and status in ('OPEN', 'CLAIMED') and " + UNIT_STEP_VERSION
                        + " group by unit_id",
                new MapSqlParameterSource("expo", expoId).addValue("now", Times.utc(now))
                        .addValue("office", CompletedStepTallies.OFFICE),
                rs -> {
                    tallies.put(rs.getString("unit_id"), new UnitStepTally(rs.getInt("steps"), 0, 0, 0, rs.getInt("not_yet_due"),
                            rs.getInt("overdue"), rs.getInt("no_deadline"), UnitStepTally.NONE.daysLate(), rs.getInt("chase_ups"),
                            rs.getInt("acknowledged"), sum(rs.getBigDecimal("hours_to_acknowledge"), 2)));
                });
        jdbc.query("select * from " + CompletedStepTallies.TABLE + " where expo_id = :expo and completed > 0",
                new MapSqlParameterSource("expo", expoId), rs -> {
                    int completed = rs.getInt("completed");
                    tallies.merge(rs.getString("unit_id"), new UnitStepTally(completed, completed, rs.getInt("on_time"),
                            rs.getInt("late"), 0, 0, rs.getInt("no_deadline"), sum(rs.getBigDecimal("days_late"), 1),
                            rs.getInt("chase_ups"), rs.getInt("acknowledged"), sum(rs.getBigDecimal("hours_to_acknowledge"), 2)),
                            UnitStepTally::plus);
                });
        return tallies;
    }

    private static BigDecimal sum(BigDecimal summed, int scale) {
        return (summed == null ? BigDecimal.ZERO : summed).setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * An expo's unit steps now on the directives asking for reports every so often, with what the reports overdue
     * need: found from those directives (most ask for none), not among all the expo's steps.
     */
    public List<UnitStep> unitStepsOfDirectivesReportingNow(String expoId) {
        return jdbc.query("select " + UNIT_STEP_COLUMNS + " from task_view where " + UNIT_STEP_VERSION
                        + " and directive_id in (select directive_id from directive_view where expo_id = :expo"
                        + " and report_every is not null)",
                new MapSqlParameterSource("expo", expoId).addValue("office", CompletedStepTallies.OFFICE),
                UNIT_STEP);
    }

    /** The units' own steps now on some directives, with what their next reports need (下次汇报). */
    public List<UnitStep> unitStepsOfDirectives(List<String> directiveIds) {
        return jdbc.query("select " + UNIT_STEP_COLUMNS + " from task_view where " + UNIT_STEP_VERSION
                        + " and directive_id in (:directives)",
                new MapSqlParameterSource("directives", directiveIds).addValue("office", CompletedStepTallies.OFFICE), UNIT_STEP);
    }

    /** The units' own steps (not reviews, not chase-ups) of the open directives that want reports every so often. */
    public List<TaskSummary> unitStepsOfDirectivesReporting() {
        return jdbc.query(TaskSummaryRows.CURRENT + " where d.report_every is not null and d.withdrawn_at is null"
                        + " and t.supervised_task_id is null and t.candidate_group not in (:office)"
                        + " and t.status not in ('CANCELLED', 'WITHDRAWN') order by t.assigned_at",
                new MapSqlParameterSource("office", CompletedStepTallies.OFFICE),
                (rs, n) -> TaskSummaryRows.summary(rs, clock.instant()));
    }

    /**
     * The versions of an expo's unit steps (as the statistics count them) from before {@code asOf}, with only when
     * each was in force and whether done: a series over half a year of a province's expo reads hundreds of
     * thousands of versions, and reading each whole task filled the heap.
     */
    public List<StepSpan> unitStepSpansOfExpo(String expoId, Instant asOf) {
        return jdbc.query("select valid_from, valid_to, status from task_version where expo_id = :expo and valid_from <= :asOf"
                        + " and " + UNIT_STEP_IN_FORCE,
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf))
                        .addValue("office", CompletedStepTallies.OFFICE),
                STEP_SPAN);
    }

    /**
     * The versions of an expo's unit steps that came into force after {@code since}, up to {@code asOf}: what a
     * series kept up to {@code since} needs to go on.
     */
    public List<StepSpan> unitStepSpansOfExpo(String expoId, Instant since, Instant asOf) {
        return jdbc.query("select valid_from, valid_to, status from task_version where expo_id = :expo"
                        + " and valid_from > :since and valid_from <= :asOf and " + UNIT_STEP_IN_FORCE,
                new MapSqlParameterSource("expo", expoId).addValue("since", Times.utc(since)).addValue("asOf", Times.utc(asOf))
                        .addValue("office", CompletedStepTallies.OFFICE),
                STEP_SPAN);
    }

    /**
     * The versions of an expo's unit steps in force at {@code since} that went out of force after it, by
     * {@code asOf}: found by their end (an index), not through the versions that came in since, each a look-up of
     * its predecessor (thousands in a province's morning).
     */
    public List<StepSpan> unitStepSpansClosedAfter(String expoId, Instant since, Instant asOf) {
        return jdbc.query("select valid_from, valid_to, status from task_version where expo_id = :expo"
                        + " and valid_to > :since and valid_to <= :asOf and valid_from <= :since"
                        + " and supervised_task_id is null and candidate_group not in (:office)"
                        + " and status not in ('CANCELLED', 'WITHDRAWN') and reworked_at is null",
                new MapSqlParameterSource("expo", expoId).addValue("since", Times.utc(since)).addValue("asOf", Times.utc(asOf))
                        .addValue("office", CompletedStepTallies.OFFICE),
                STEP_SPAN);
    }
}
