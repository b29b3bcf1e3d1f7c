package org.expoflow.projections.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/** The columns of a task row as lists: the whole row, what its versions keep, and their SQL names and types. */
final class TaskColumns {

    /** The whole current row, in the table's order: a column's position in it is its ordinal. */
    static final List<TaskColumn> VIEW = List.of(TaskColumn.values());

    /** What a task version keeps of the row: everything a board or list as of an instant shows. */
    static final List<TaskColumn> VERSIONED = Stream.of(TaskColumn.values()).filter(TaskColumn::versioned).toList();

    private TaskColumns() {
    }

    static List<String> names(List<TaskColumn> columns) {
        return columns.stream().map(TaskColumn::sqlName).toList();
    }

    static int[] sqlTypes(List<TaskColumn> columns) {
        return columns.stream().mapToInt(column -> column.kind().sqlType()).toArray();
    }

    /** A row of {@code task_view} as a return for rework reads it. */
    static TaskRows.ProcessStep processStep(ResultSet rs) throws SQLException {
        return new TaskRows.ProcessStep(rs.getString("task_id"), rs.getString("step_key"), rs.getString("status"),
                rs.getString("candidate_group"), rs.getString("supervised_task_id"),
                rs.getObject("assigned_at", OffsetDateTime.class), rs.getObject("reworked_at", OffsetDateTime.class));
    }
}
