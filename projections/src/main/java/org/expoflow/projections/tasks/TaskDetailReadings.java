package org.expoflow.projections.tasks;

import java.time.Clock;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.projections.api.FindTask;
import org.expoflow.projections.api.FindTaskSummaries;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.TaskDetail;
import org.expoflow.projections.api.TaskHistoryEntry;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.support.JsonColumns;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One step read back as it stands now: its summary, which the doors check before acting on it, or its whole
 * detail with the directive's instructions, the latest report, the review's decision and the history from its
 * assignment on. Read from what {@link TaskListProjection} keeps; it writes nothing.
 */
@Component
public class TaskDetailReadings {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public TaskDetailReadings(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public TaskDetail handle(FindTask query) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", query.taskId());
        List<TaskDetail> found = jdbc.query(TaskSummaryRows.CURRENT + " where t.task_id = :id", params, (rs, n) ->
                new TaskDetail(TaskSummaryRows.summary(rs, clock.instant()), rs.getString("instructions"),
                        rs.getString("latest_note"), rs.getString("latest_problems"), rs.getString("latest_suggestions"),
                        rs.getString("decision"), rs.getString("decision_comment"), history(query.taskId())));
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    public TaskSummary handle(FindTaskSummary query) {
        List<TaskSummary> found = jdbc.query(TaskSummaryRows.CURRENT + " where t.task_id = :id",
                new MapSqlParameterSource("id", query.taskId()), (rs, n) -> TaskSummaryRows.summary(rs, clock.instant()));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The tasks found of those asked for, in no particular order; one statement, not one per task. */
    @QueryHandler
    public List<TaskSummary> handle(FindTaskSummaries query) {
        if (query.taskIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query(TaskSummaryRows.CURRENT + " where t.task_id in (:ids)",
                new MapSqlParameterSource("ids", query.taskIds()), (rs, n) -> TaskSummaryRows.summary(rs, clock.instant()));
    }

    /** The history of a task, oldest first. */
    public List<TaskHistoryEntry> history(String taskId) {
        return jdbc.query("select * from task_history where task_id = :id order by seq",
                new MapSqlParameterSource("id", taskId), (rs, n) -> new TaskHistoryEntry(Times.instant(rs, "occurred_at"),
                        rs.getString("type"), rs.getString("actor"), JsonColumns.details(rs.getString("details"))));
    }
}
