package org.expoflow.projections.tasks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.expoflow.projections.support.Times;

/**
 * A column of a task's row in {@code task_view}, in the table's order ({@link TaskColumns#VIEW}): its SQL name, the kind
 * of value it holds, and whether a version of the row ({@code task_version}) keeps it.
 */
enum TaskColumn {

    TASK_ID("task_id", Kind.TEXT, false),
    PROCESS_INSTANCE_ID("process_instance_id", Kind.TEXT, false),
    LATEST_NOTE("latest_note", Kind.TEXT, false),
    LATEST_PROBLEMS("latest_problems", Kind.TEXT, false),
    LATEST_SUGGESTIONS("latest_suggestions", Kind.TEXT, false),
    DECISION("decision", Kind.TEXT, false),
    DECISION_COMMENT("decision_comment", Kind.TEXT, false),
    EXPO_ID("expo_id", Kind.TEXT, true),
    DIRECTIVE_ID("directive_id", Kind.TEXT, true),
    UNIT_ID("unit_id", Kind.TEXT, true),
    STEP_KEY("step_key", Kind.TEXT, true),
    STEP_NAME("step_name", Kind.TEXT, true),
    CANDIDATE_GROUP("candidate_group", Kind.TEXT, true),
    STATUS("status", Kind.TEXT, true),
    ASSIGNEE("assignee", Kind.TEXT, true),
    DUE_AT("due_at", Kind.INSTANT, true),
    PERCENT("percent", Kind.INTEGER, true),
    LATEST_FIGURES("latest_figures", Kind.TEXT, true),
    LATEST_REPORT_AT("latest_report_at", Kind.INSTANT, true),
    RETURN_COMMENT("return_comment", Kind.TEXT, true),
    ASSIGNED_AT("assigned_at", Kind.INSTANT, true),
    CLOSED_AT("closed_at", Kind.INSTANT, true),
    ORIGINAL_DUE_AT("original_due_at", Kind.INSTANT, true),
    DUE_SOON_SINCE("due_soon_since", Kind.INSTANT, true),
    OVERDUE_SINCE("overdue_since", Kind.INSTANT, true),
    ESCALATED_AT("escalated_at", Kind.INSTANT, true),
    CHASED_UP_AT("chased_up_at", Kind.INSTANT, true),
    CHASE_UP_MESSAGE("chase_up_message", Kind.TEXT, true),
    CHASE_UP_ACKNOWLEDGED_AT("chase_up_acknowledged_at", Kind.INSTANT, true),
    COOPERATING_UNITS("cooperating_units", Kind.TEXT, true),
    SUPERVISED_TASK_ID("supervised_task_id", Kind.TEXT, true),
    PROCESS_DEFINITION_ID("process_definition_id", Kind.TEXT, true),
    EXTENSION_DUE_AT("extension_due_at", Kind.INSTANT, true),
    EXTENSION_REASON("extension_reason", Kind.TEXT, true),
    EXTENSION_REQUESTED_AT("extension_requested_at", Kind.INSTANT, true),
    CHASE_UP_GRADE("chase_up_grade", Kind.TEXT, true),
    REWORKED_AT("reworked_at", Kind.INSTANT, true);

    /** What a column holds: a {@code String}, an {@code Integer}, or an instant as a UTC {@code OffsetDateTime}. */
    enum Kind {
        TEXT(Types.VARCHAR),
        INTEGER(Types.INTEGER),
        INSTANT(Types.TIMESTAMP_WITH_TIMEZONE);

        private final int sqlType;

        Kind(int sqlType) {
            this.sqlType = sqlType;
        }

        int sqlType() {
            return sqlType;
        }
    }

    private final String sqlName;
    private final Kind kind;
    private final boolean versioned;

    TaskColumn(String sqlName, Kind kind, boolean versioned) {
        this.sqlName = sqlName;
        this.kind = kind;
        this.versioned = versioned;
    }

    String sqlName() {
        return sqlName;
    }

    Kind kind() {
        return kind;
    }

    /** Whether a version of the row keeps it: everything a board or list as of an instant shows. */
    boolean versioned() {
        return versioned;
    }

    /** Its new value, text; refused unless the column holds text. */
    TaskRowChange.Value to(String text) {
        return new TaskRowChange.Value(this, text);
    }

    /** Its new value, a whole number; refused unless the column holds one. */
    TaskRowChange.Value to(int number) {
        return new TaskRowChange.Value(this, number);
    }

    /** Its new value, an instant (kept as UTC); refused unless the column holds instants. */
    TaskRowChange.Value to(Instant instant) {
        return new TaskRowChange.Value(this, Times.utc(instant));
    }

    /** No value any more, whatever the column holds. */
    TaskRowChange.Value emptied() {
        return new TaskRowChange.Value(this, null);
    }

    void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value != null) {
            statement.setObject(index, value);
        } else {
            statement.setNull(index, kind.sqlType);
        }
    }

    /** The column's value in the current row of {@code rs}; a null percent reads as 0, as it always has. */
    Object read(ResultSet rs) throws SQLException {
        return switch (kind) {
            case INSTANT -> rs.getObject(sqlName, OffsetDateTime.class);
            case INTEGER -> rs.getInt(sqlName);
            case TEXT -> rs.getString(sqlName);
        };
    }
}
