package org.expoflow.projections.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.projections.api.TaskChaseUp;
import org.expoflow.projections.api.TaskDeadline;
import org.expoflow.projections.api.TaskDirective;
import org.expoflow.projections.api.TaskProgress;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskStep;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.support.JsonColumns;
import org.expoflow.projections.support.Times;

/**
 * A task row as every reading shows it: the row, current or one of its versions, joined to its directive's
 * title and kind, and turned into a {@link TaskSummary} whose overdue and due-soon are judged at the instant
 * asked for, so a list read now and a board read as of last week say "overdue" by the same rule.
 */
final class TaskSummaryRows {

    /** The current rows with their directives, to which a reading adds its {@code where}. */
    static final String CURRENT = select("task_view");

    private TaskSummaryRows() {
    }

    /** Task rows, current ({@code task_view}) or versions ({@code task_version}), with their directive's title and kind. */
    static String select(String table) {
        return "select t.*, d.title as directive_title, d.kind as directive_kind, d.instructions"
                + " from " + table + " t left join directive_view d on d.directive_id = t.directive_id";
    }

    /** The current rows for the present, the versions in force at {@code :asOf} otherwise. */
    static String selectAsOf(boolean present) {
        return select(present ? "task_view" : "task_version");
    }

    /** The condition that keeps the versions in force at {@code :asOf}; none for the current rows. */
    static String inForceAt(boolean present) {
        return present ? "" : " and t.valid_from <= :asOf and (t.valid_to is null or t.valid_to > :asOf)";
    }

    /** A task row, overdue and due soon judged at {@code now}; the row may come from task_view or task_version. */
    static TaskSummary summary(ResultSet rs, Instant now) throws SQLException {
        TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
        Instant extensionDueAt = Times.instant(rs, "extension_due_at");
        TaskDeadline deadline = TaskDeadline.judgedAt(now, status.isActive(), Times.instant(rs, "due_at"),
                Times.instant(rs, "original_due_at"), Times.instant(rs, "due_soon_since"), Times.instant(rs, "escalated_at"),
                extensionDueAt == null ? null : new TaskDeadline.ExtensionRequest(extensionDueAt,
                        rs.getString("extension_reason"), Times.instant(rs, "extension_requested_at")));
        String grade = rs.getString("chase_up_grade");
        String cooperating = rs.getString("cooperating_units");
        return new TaskSummary(rs.getString("task_id"),
                new TaskDirective(rs.getString("expo_id"), rs.getString("directive_id"), rs.getString("directive_title"),
                        rs.getString("unit_id")),
                new TaskStep(rs.getString("directive_kind"), rs.getString("step_key"), rs.getString("step_name"),
                        rs.getString("process_definition_id")),
                rs.getString("candidate_group"), status, rs.getString("assignee"), deadline,
                new TaskProgress(rs.getInt("percent"), JsonColumns.figures(rs.getString("latest_figures")),
                        Times.instant(rs, "latest_report_at")),
                rs.getString("return_comment"), Times.instant(rs, "assigned_at"), Times.instant(rs, "closed_at"),
                new TaskChaseUp(Times.instant(rs, "chased_up_at"), rs.getString("chase_up_message"),
                        Times.instant(rs, "chase_up_acknowledged_at"), grade == null ? null : ChaseUpGrade.valueOf(grade)),
                cooperating == null ? List.of() : List.of(cooperating.split(",")), rs.getString("supervised_task_id"));
    }
}
