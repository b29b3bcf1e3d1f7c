package org.expoflow.projections.tasks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The columns of a task row, and how each goes to and comes from the database. */
final class TaskColumns {

    /** What a task version keeps of the row: everything a board or list as of an instant shows. */
    static final List<String> VERSIONED = List.of("expo_id", "directive_id", "unit_id", "step_key", "step_name",
            "candidate_group", "status", "assignee", "due_at", "percent", "latest_figures", "latest_report_at",
            "return_comment", "assigned_at", "closed_at", "original_due_at", "due_soon_since", "overdue_since",
            "escalated_at", "chased_up_at", "chase_up_message", "chase_up_acknowledged_at", "cooperating_units",
            "supervised_task_id", "process_definition_id", "extension_due_at", "extension_reason", "extension_requested_at",
            "chase_up_grade", "reworked_at");

    /** The whole current row: the versioned columns, the task's id, and what only its detail shows. */
    static final List<String> VIEW = Stream.concat(Stream.of("task_id", "process_instance_id", "latest_note",
            "latest_problems", "latest_suggestions", "decision", "decision_comment"), VERSIONED.stream()).toList();

    private static final Set<String> INSTANTS = Set.of("due_at", "latest_report_at", "assigned_at", "closed_at",
            "original_due_at", "due_soon_since", "overdue_since", "escalated_at", "chased_up_at",
            "chase_up_acknowledged_at", "valid_to", "extension_due_at", "extension_requested_at", "reworked_at");

    private TaskColumns() {
    }

    static void set(PreparedStatement statement, int index, String column, Object value) throws SQLException {
        if (value != null) {
            statement.setObject(index, value);
        } else {
            statement.setNull(index, sqlType(column));
        }
    }

    static Object read(ResultSet rs, String column) throws SQLException {
        if (INSTANTS.contains(column)) {
            return rs.getObject(column, OffsetDateTime.class);
        }
        return "percent".equals(column) ? (Object) rs.getInt(column) : rs.getString(column);
    }

    /** A row of {@code task_view} as a return for rework reads it. */
    static TaskRows.ProcessStep processStep(ResultSet rs) throws SQLException {
        return new TaskRows.ProcessStep(rs.getString("task_id"), rs.getString("step_key"), rs.getString("status"),
                rs.getString("candidate_group"), rs.getString("supervised_task_id"),
                rs.getObject("assigned_at", OffsetDateTime.class), rs.getObject("reworked_at", OffsetDateTime.class));
    }

    static int sqlType(String column) {
        if (INSTANTS.contains(column)) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return "percent".equals(column) ? Types.INTEGER : Types.VARCHAR;
    }
}
