package org.expoflow.projections.tasks;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Task rows written as each event comes, in the transaction that stored it: the row changed, a history line
 * added, the version in force closed and the row as the event left it kept as the next version. On
 * PostgreSQL those four are one statement (data-modifying {@code WITH} clauses, which all see the rows as
 * they were before it), so an event costs one round trip instead of four; elsewhere, four statements.
 */
final class LiveTaskRows implements TaskRows {

    private static final String VERSIONED = String.join(", ", TaskColumns.names(TaskColumns.VERSIONED));
    private static final String ADD_HISTORY_LINE = "insert into task_history (task_id, seq, occurred_at, type, actor, details)"
            + " select :task_id, coalesce(max(seq), 0) + 1, :at, :type, :actor, :details from task_history where task_id = :task_id";
    private static final String CLOSE_VERSION = "update task_version set valid_to = :at where task_id = :task_id and valid_to is null";
    private static final String KEEP_VERSION = "insert into task_version (task_id, version, valid_from, " + VERSIONED + ")"
            + " select task_id, (select coalesce(max(version), 0) + 1 from task_version where task_id = :task_id), :at, "
            + VERSIONED + " from ";

    // every clause of a statement sees the rows as they were before it: "before" is the row before it changed
    private static final String TALLY_DIFFERENCE = "before as (select * from task_view where task_id = :task_id), tally as ("
            + CompletedStepTallies.addDifferenceClause("before", "task_row") + "), ";

    // found by the index of a directive's unit, then by the process instance
    static final String STEPS_OF_PROCESS = "select t.* from task_view t join task_view r on r.directive_id = t.directive_id"
            + " and r.unit_id = t.unit_id and r.process_instance_id = t.process_instance_id where r.task_id = :id";

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean postgres;

    LiveTaskRows(NamedParameterJdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    @Override
    public void add(String taskId, TaskRowChange row, HistoryLine line) {
        List<String> names = row.columns().stream().map(TaskColumn::sqlName).toList();
        write("insert into task_view (task_id, " + String.join(", ", names) + ") values (:task_id, "
                + names.stream().map(name -> ":" + name).collect(Collectors.joining(", ")) + ")", row, taskId, line, false, true);
    }

    @Override
    public void change(String taskId, TaskRowChange change, HistoryLine line) {
        write(change.isEmpty() ? null : "update task_view set " + change.columns().stream().map(TaskColumn::sqlName)
                .map(name -> name + " = :" + name).collect(Collectors.joining(", ")) + " where task_id = :task_id", change, taskId,
                line, change.changesAny(CompletedStepTallies.COUNTED_COLUMNS), change.changesAny(KeptBoardCells.COUNTED_COLUMNS));
    }

    @Override
    public List<ProcessStep> stepsOfProcess(String taskId) {
        return jdbc.query(STEPS_OF_PROCESS, new MapSqlParameterSource("id", taskId), (rs, n) -> TaskColumns.processStep(rs));
    }

    @Override
    public List<String> cooperatingUnits(String taskId) {
        List<String> units = jdbc.queryForList("select cooperating_units from task_view where task_id = :id",
                new MapSqlParameterSource("id", taskId), String.class);
        return units.isEmpty() || units.get(0) == null ? List.of() : List.of(units.get(0).split(","));
    }

    /**
     * The row's own statement (none: the row stays as it is), then its history line and its new version, and
     * when the statement may change what the row adds to its unit's tally ({@link CompletedStepTallies}: a new row
     * is open and adds nothing), the difference; when it may change the row's board cell ({@link KeptBoardCells}), the
     * cell counted again (on PostgreSQL within the row's statement, the cell locked by one statement before it).
     */
    private void write(String rowStatement, TaskRowChange change, String taskId, HistoryLine line, boolean counted,
                       boolean cellChanges) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        change.values().forEach(value -> params.addValue(value.column().sqlName(), value.value()));
        params.addValue("task_id", taskId).addValue("at", Times.utc(line.at())).addValue("type", line.type())
                .addValue("actor", line.actor()).addValue("details", line.details());
        if (postgres) {
            String row = rowStatement == null ? "select * from task_view where task_id = :task_id" : rowStatement + " returning *";
            String tally = "";
            if (counted) {
                tally = TALLY_DIFFERENCE;
                params.addValue("office", CompletedStepTallies.OFFICE);
            }
            String cell = "";
            if (cellChanges) {
                KeptBoardCells.lock(jdbc, taskId, change);
                cell = "cell as (" + KeptBoardCells.countAgainClause("task_row") + "), ";
            }
            jdbc.update("with task_row as (" + row + "), " + tally + cell + "closed as (" + CLOSE_VERSION + "), history as ("
                    + ADD_HISTORY_LINE + ") " + KEEP_VERSION + "task_row", params);
            return;
        }
        Map<String, Object> before = counted ? CompletedStepTallies.addedByRow(jdbc, taskId) : null;
        if (rowStatement != null) {
            jdbc.update(rowStatement, params);
        }
        if (counted) {
            CompletedStepTallies.addDifference(jdbc, before, CompletedStepTallies.addedByRow(jdbc, taskId));
        }
        // a task's events are stored in sequence, one writer at a time, so the next number cannot be taken twice
        jdbc.update(ADD_HISTORY_LINE, params);
        jdbc.update(CLOSE_VERSION, params);
        jdbc.update(KEEP_VERSION + "task_view where task_id = :task_id", params);
        if (cellChanges) {
            KeptBoardCells.countAgain(jdbc, taskId);
        }
    }
}
