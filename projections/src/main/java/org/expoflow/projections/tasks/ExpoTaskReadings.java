package org.expoflow.projections.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An expo's tasks as they stand now or stood at any past instant, each judged overdue at that instant: what the
 * board, the deadline lists and a meeting brief's comparison with the meeting before are made of, and every
 * version of them for a series over time. Read from the rows and versions {@link TaskListProjection} keeps;
 * it writes nothing.
 */
@Component
public class ExpoTaskReadings {

    private final NamedParameterJdbcTemplate jdbc;

    public ExpoTaskReadings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every task of an expo as it stood at {@code asOf}, oldest first: the board groups them by unit and directive. */
    public List<TaskSummary> tasksOfExpo(String expoId, Instant asOf) {
        return tasksOfExpo(expoId, asOf, false, "");
    }

    /**
     * Every task of an expo as it stands at {@code asOf}; asked for the present, from the current rows rather
     * than the versions valid now (the same rows, kept in the same transaction, without reading the expo's
     * every version to find them).
     */
    public List<TaskSummary> tasksOfExpo(String expoId, Instant asOf, boolean present) {
        return tasksOfExpo(expoId, asOf, present, "");
    }

    /** The tasks of some of an expo's directives as they stood at {@code asOf} (a page of the board); for the present, as above. */
    public List<TaskSummary> tasksOfDirectives(String expoId, List<String> directiveIds, Instant asOf, boolean present) {
        return new ArrayList<>(jdbc.query(TaskSummaryRows.selectAsOf(present)
                        + " where t.directive_id in (:directives) and t.expo_id = :expo" + TaskSummaryRows.inForceAt(present)
                        + " order by t.assigned_at, t.task_id",
                new MapSqlParameterSource("expo", expoId).addValue("directives", directiveIds)
                        .addValue("asOf", Times.utc(asOf)), (rs, row) -> TaskSummaryRows.summary(rs, asOf)));
    }

    /**
     * An expo's tasks open at {@code asOf} and past their deadline, or ({@code dueSoon}) due soon by then, oldest first
     * (the deadline lists); for the present, as above. The database keeps back the open tasks whose deadline is far,
     * most of an expo's: the console asks at every visit.
     */
    public List<TaskSummary> openTasksOfExpoByDeadline(String expoId, Instant asOf, boolean present, boolean dueSoon) {
        return tasksOfExpo(expoId, asOf, present, " and t.status in ('OPEN', 'CLAIMED')"
                + (dueSoon ? " and t.due_soon_since <= :asOf" : " and t.due_at < :asOf"));
    }

    private List<TaskSummary> tasksOfExpo(String expoId, Instant asOf, boolean present, String condition) {
        RowMapper<TaskSummary> mapper = (rs, row) -> TaskSummaryRows.summary(rs, asOf);
        return new ArrayList<>(jdbc.query(TaskSummaryRows.selectAsOf(present)
                + " where t.expo_id = :expo" + TaskSummaryRows.inForceAt(present) + condition + " order by t.assigned_at, t.task_id",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf)), mapper));
    }

    /** Every version of an expo's tasks up to {@code asOf}, for series over time: oldest first. */
    public List<TaskVersion> versionsOfExpo(String expoId, Instant asOf) {
        return jdbc.query(TaskSummaryRows.select("task_version")
                        + " where t.expo_id = :expo and t.valid_from <= :asOf order by t.valid_from, t.task_id, t.version",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf)),
                (rs, row) -> new TaskVersion(Times.instant(rs, "valid_from"), Times.instant(rs, "valid_to"),
                        TaskSummaryRows.summary(rs, asOf)));
    }

    /** One version of a task: the task as it stood from {@code validFrom} until {@code validTo} (null: still). */
    public record TaskVersion(Instant validFrom, Instant validTo, TaskSummary task) {

        public boolean validAt(Instant instant) {
            return !validFrom.isAfter(instant) && (validTo == null || validTo.isAfter(instant));
        }
    }
}
