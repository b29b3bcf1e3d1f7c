package org.expoflow.projections.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.expoflow.projections.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task row's columns as a typed enum: each column takes only a value of its kind, and the lists of columns a rebuild
 * copies by position stay those of the tables, in the order they always had.
 */
class TaskRowChangeTest {

    private static final Instant DUE = Instant.parse("2030-02-01T15:59:59Z");

    @Test
    void anInstantColumnRefusesText() {
        assertThatThrownBy(() -> new TaskRowChange.Value(TaskColumn.DUE_AT, "2030-02-01T15:59:59Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("due_at holds instant");
        assertThatThrownBy(() -> TaskColumn.DUE_AT.to("2030-02-01T15:59:59Z")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextColumnRefusesANumberOrAnInstantAndTheNumberColumnText() {
        assertThatThrownBy(() -> TaskColumn.STATUS.to(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskColumn.STATUS.to(DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskColumn.PERCENT.to("100")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInstantIsKeptAsUtcAndAnEmptiedColumnIsChangedToNull() {
        TaskRowChange change = TaskRowChange.of(TaskColumn.DUE_AT.to(DUE), TaskColumn.PERCENT.to(40), TaskColumn.ASSIGNEE.emptied());

        assertThat(change.value(TaskColumn.DUE_AT)).isEqualTo(OffsetDateTime.of(2030, 2, 1, 15, 59, 59, 0, ZoneOffset.UTC));
        assertThat(change.value(TaskColumn.PERCENT)).isEqualTo(40);
        assertThat(change.columns()).containsExactly(TaskColumn.DUE_AT, TaskColumn.PERCENT, TaskColumn.ASSIGNEE);
        assertThat(change.value(TaskColumn.ASSIGNEE)).isNull();
        assertThat(TaskRowChange.none().isEmpty()).isTrue();
    }

    @Test
    void aColumnIsChangedOnceAndAChangeIsNotAlteredOnceMade() {
        TaskRowChange change = TaskRowChange.of(TaskColumn.STATUS.to("OPEN"));

        assertThatThrownBy(() -> change.with(TaskColumn.STATUS.to("CLAIMED"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status is changed twice");
        assertThat(change.with(TaskColumn.ASSIGNEE.to("clerk")).columns()).containsExactly(TaskColumn.STATUS, TaskColumn.ASSIGNEE);
        assertThat(change.columns()).containsExactly(TaskColumn.STATUS);
        assertThatThrownBy(() -> change.values().add(TaskColumn.ASSIGNEE.to("clerk")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** The order a rebuild copies a row and a version in: the columns' order before they were an enum. */
    @Test
    void theRowAndItsVersionKeepTheirColumnsInTheirOrder() {
        List<String> versioned = List.of("expo_id", "directive_id", "unit_id", "step_key", "step_name",
                "candidate_group", "status", "assignee", "due_at", "percent", "latest_figures", "latest_report_at",
                "return_comment", "assigned_at", "closed_at", "original_due_at", "due_soon_since", "overdue_since",
                "escalated_at", "chased_up_at", "chase_up_message", "chase_up_acknowledged_at", "cooperating_units",
                "supervised_task_id", "process_definition_id", "extension_due_at", "extension_reason",
                "extension_requested_at", "chase_up_grade", "reworked_at");

        assertThat(TaskColumns.names(TaskColumns.VERSIONED)).isEqualTo(versioned);
        assertThat(TaskColumns.names(TaskColumns.VIEW)).containsExactlyElementsOf(
                Stream.concat(Stream.of("task_id", "process_instance_id", "latest_note",
                        "latest_problems", "latest_suggestions", "decision", "decision_comment"), versioned.stream()).toList());
        for (TaskColumn column : TaskColumns.VIEW) {
            assertThat(TaskColumns.VIEW.indexOf(column)).isEqualTo(column.ordinal());
        }
    }

    @Test
    void everyColumnOfTheRowIsOneOfTheTablesAndEveryVersionedOneOfItsVersions() {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabases.h2("task-columns"));

        assertThat(columnsOf(jdbc, "TASK_VIEW")).containsExactlyInAnyOrderElementsOf(TaskColumns.names(TaskColumns.VIEW));
        assertThat(columnsOf(jdbc, "TASK_VERSION")).containsAll(TaskColumns.names(TaskColumns.VERSIONED));
    }

    private static List<String> columnsOf(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("select lower(column_name) from information_schema.columns where table_name = ?",
                String.class, table);
    }
}
