package org.expoflow.projections.tasks;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.support.ReplayWrites;
import org.expoflow.projections.support.RowInserts;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task rows kept in memory during a rebuild and written by the batch, nearly all as multi-row inserts.
 * <p>
 * An open task stays in memory from batch to batch (its events are spread over the whole store): its row
 * and its version in force are written once, when it closes, when it is let go to make room, or when the
 * rebuild finishes; every version it replaced is written when replaced, already closed. So a task's row is
 * inserted once instead of updated at every event, and a version is inserted with its end instead of
 * updated later. History lines are written at the end of their batch. A task let go and concerned again
 * later (rare: an attachment to a closed step) is read back as written.
 */
final class BufferedTaskRows implements TaskRows, ReplayWrites.Buffer {

    /** Open tasks kept between batches; beyond it the least recently changed are written and let go. */
    private static final int KEPT_ROWS = 50_000;

    private static final List<TaskColumn> CHANGEABLE = TaskColumns.VIEW.subList(1, TaskColumns.VIEW.size());
    private static final String UPDATE_ROW = "update task_view set " + CHANGEABLE.stream().map(column -> column.sqlName() + " = ?")
            .collect(Collectors.joining(", ")) + " where task_id = ?";
    private static final String CLOSE_VERSION = "update task_version set valid_to = ? where task_id = ? and valid_to is null";
    private static final List<String> HISTORY = List.of("task_id", "seq", "occurred_at", "type", "actor", "details");
    private static final List<String> VERSION = Stream.concat(Stream.of("task_id", "version", "valid_from", "valid_to"),
            TaskColumns.names(TaskColumns.VERSIONED).stream()).toList();
    private static final int[] VERSION_TYPES = IntStream.concat(IntStream.of(Types.VARCHAR, Types.INTEGER,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE), IntStream.of(TaskColumns.sqlTypes(TaskColumns.VERSIONED)))
            .toArray();

    /**
     * A task row's values, in the order of {@link TaskColumns#VIEW}: a column's value is at its ordinal. A rebuild takes a
     * version's values from it at every event: by position, as a map of names cost a rebuild its hash look-ups
     * (docs/adr/0006-rebuild-by-replay-with-batched-copy.md).
     */
    private static final class Columns {
        private static final int[] VERSIONED_AT = TaskColumns.VERSIONED.stream().mapToInt(TaskColumn::ordinal).toArray();

        final Object[] values = new Object[TaskColumns.VIEW.size()];

        Object get(TaskColumn column) {
            return values[column.ordinal()];
        }

        void putAll(TaskRowChange change) {
            for (TaskRowChange.Value value : change.values()) {
                values[value.column().ordinal()] = value.value();
            }
        }

        Object[] versioned() {
            Object[] versioned = new Object[VERSIONED_AT.length];
            for (int i = 0; i < VERSIONED_AT.length; i++) {
                versioned[i] = values[VERSIONED_AT[i]];
            }
            return versioned;
        }
    }

    /** A task as the events so far left it; {@code columns} is null for a task the store never assigned. */
    private static final class Row {
        final String taskId;
        final Columns columns;
        int lastSeq;
        int lastVersion;
        boolean stored;
        boolean changedSinceStored;
        Version inForce;

        Row(String taskId, Columns columns, int lastSeq, int lastVersion, boolean stored) {
            this.taskId = taskId;
            this.columns = columns;
            this.lastSeq = lastSeq;
            this.lastVersion = lastVersion;
            this.stored = stored;
        }

        boolean closed() {
            return columns == null || !TaskStatus.valueOf((String) columns.get(TaskColumn.STATUS)).isActive();
        }
    }

    /** A version not written yet; {@code validTo} is set when the next event replaces it. */
    private record Version(String taskId, int number, OffsetDateTime validFrom, Object[] values) {

        Object[] row(OffsetDateTime validTo) {
            Object[] row = new Object[VERSION.size()];
            row[0] = taskId;
            row[1] = number;
            row[2] = validFrom;
            row[3] = validTo;
            System.arraycopy(values, 0, row, 4, values.length);
            return row;
        }
    }

    private final JdbcTemplate jdbc;
    private final RowInserts rowInserts;
    private final RowInserts historyInserts;
    private final RowInserts versionInserts;
    private final Map<String, Row> rows = new LinkedHashMap<>(1024, 0.75f, true);
    private final ReplayWrites writes;
    private List<Object[]> history = new ArrayList<>();
    private List<Object[]> closings = new ArrayList<>();
    private List<Object[]> versions = new ArrayList<>();
    /** Tasks closed (or never assigned) during the batch: let go at its end. */
    private final Set<String> closedInBatch = new LinkedHashSet<>();

    BufferedTaskRows(JdbcTemplate jdbc, ReplayWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.rowInserts = new RowInserts(jdbc, "task_view", TaskColumns.names(TaskColumns.VIEW),
                TaskColumns.sqlTypes(TaskColumns.VIEW));
        this.historyInserts = new RowInserts(jdbc, "task_history", HISTORY,
                new int[] {Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
        this.versionInserts = new RowInserts(jdbc, "task_version", VERSION, VERSION_TYPES);
    }

    @Override
    public void add(String taskId, TaskRowChange row, HistoryLine line) {
        Columns columns = new Columns();
        columns.putAll(row);
        columns.values[TaskColumn.TASK_ID.ordinal()] = taskId;
        Row added = new Row(taskId, columns, 0, 0, false);
        rows.put(taskId, added);
        record(added, line);
    }

    @Override
    public void change(String taskId, TaskRowChange change, HistoryLine line) {
        Row row = row(taskId);
        if (row.columns != null) {
            row.columns.putAll(change);
        }
        record(row, line);
    }

    @Override
    public List<String> cooperatingUnits(String taskId) {
        Row row = row(taskId);
        Object units = row.columns == null ? null : row.columns.get(TaskColumn.COOPERATING_UNITS);
        return units == null ? List.of() : List.of(((String) units).split(","));
    }

    /**
     * The process's steps written already, then those in memory as the events so far left them (a return for rework is
     * rare: it waits for the writer to read them).
     */
    @Override
    public List<ProcessStep> stepsOfProcess(String taskId) {
        Row asked = row(taskId);
        if (asked.columns == null) {
            return List.of();
        }
        Object directive = asked.columns.get(TaskColumn.DIRECTIVE_ID);
        Object unit = asked.columns.get(TaskColumn.UNIT_ID);
        Object process = asked.columns.get(TaskColumn.PROCESS_INSTANCE_ID);
        Map<String, ProcessStep> steps = new LinkedHashMap<>();
        writes.awaitWritten();
        jdbc.query("select * from task_view where directive_id = ? and unit_id = ? and process_instance_id = ?",
                rs -> { ProcessStep step = TaskColumns.processStep(rs); steps.put(step.taskId(), step); },
                directive, unit, process);
        for (Row kept : rows.values()) {
            Columns columns = kept.columns;
            if (columns != null && process != null && process.equals(columns.get(TaskColumn.PROCESS_INSTANCE_ID))
                    && directive.equals(columns.get(TaskColumn.DIRECTIVE_ID)) && unit.equals(columns.get(TaskColumn.UNIT_ID))) {
                steps.put(kept.taskId, new ProcessStep(kept.taskId, (String) columns.get(TaskColumn.STEP_KEY),
                        (String) columns.get(TaskColumn.STATUS), (String) columns.get(TaskColumn.CANDIDATE_GROUP),
                        (String) columns.get(TaskColumn.SUPERVISED_TASK_ID),
                        (OffsetDateTime) columns.get(TaskColumn.ASSIGNED_AT), (OffsetDateTime) columns.get(TaskColumn.REWORKED_AT)));
            }
        }
        return List.copyOf(steps.values());
    }

    private void record(Row row, HistoryLine line) {
        OffsetDateTime at = Times.utc(line.at());
        history.add(new Object[] {row.taskId, ++row.lastSeq, at, line.type(), line.actor(), line.details()});
        if (row.closed()) {
            closedInBatch.add(row.taskId);
        }
        if (row.columns == null) {
            return;
        }
        row.changedSinceStored = true;
        if (row.inForce != null) {
            versions.add(row.inForce.row(at));
        } else if (row.lastVersion > 0) {
            closings.add(new Object[] {at, row.taskId});
        }
        row.inForce = new Version(row.taskId, ++row.lastVersion, at,
                row.columns.versioned());
    }

    private Row row(String taskId) {
        Row row = rows.get(taskId);
        if (row == null) {
            row = read(taskId);
            rows.put(taskId, row);
        }
        return row;
    }

    /** A task let go after an earlier batch (or never assigned), read back as it was written. */
    private Row read(String taskId) {
        writes.awaitWritten();
        List<Columns> found = jdbc.query("select * from task_view where task_id = ?", (rs, n) -> {
            Columns columns = new Columns();
            for (TaskColumn column : TaskColumns.VIEW) {
                columns.values[column.ordinal()] = column.read(rs);
            }
            return columns;
        }, taskId);
        Integer lastSeq = jdbc.queryForObject("select coalesce(max(seq), 0) from task_history where task_id = ?",
                Integer.class, taskId);
        Integer lastVersion = jdbc.queryForObject("select coalesce(max(version), 0) from task_version where task_id = ?",
                Integer.class, taskId);
        return new Row(taskId, found.isEmpty() ? null : found.get(0), lastSeq, lastVersion, !found.isEmpty());
    }

    /** The end of a batch: closed tasks and those beyond what is kept are written and let go. */
    @Override
    public Runnable flush() {
        return write(false);
    }

    /** The end of the rebuild: every task still in memory is written. */
    @Override
    public Runnable finish() {
        Runnable rows = write(true);
        return () -> {
            rows.run();
            CompletedStepTallies.countAll(jdbc);
            KeptBoardCells.countAll(jdbc);
        };
    }

    private Runnable write(boolean everything) {
        List<Row> letGo = new ArrayList<>();
        closedInBatch.forEach(taskId -> letGo.add(rows.remove(taskId)));
        closedInBatch.clear();
        int beyond = everything ? rows.size() : rows.size() - KEPT_ROWS;
        for (Iterator<Row> kept = rows.values().iterator(); beyond > 0 && kept.hasNext(); beyond--) {
            letGo.add(kept.next());
            kept.remove();
        }
        List<Object[]> added = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        for (Row row : letGo) {
            if (row.columns == null || !row.changedSinceStored) {
                continue;
            }
            if (row.stored) {
                changed.add(row);
            } else {
                added.add(row.columns.values.clone());
            }
            if (row.inForce != null) {
                versions.add(row.inForce.row(null));
            }
        }
        List<Object[]> lines = history;
        List<Object[]> ended = closings;
        List<Object[]> replaced = versions;
        history = new ArrayList<>();
        closings = new ArrayList<>();
        versions = new ArrayList<>();
        return () -> {
            rowInserts.insert(added);
            if (!changed.isEmpty()) {
                jdbc.batchUpdate(UPDATE_ROW, changed, changed.size(), (statement, row) -> {
                    for (int i = 0; i < CHANGEABLE.size(); i++) {
                        TaskColumn column = CHANGEABLE.get(i);
                        column.set(statement, i + 1, row.columns.get(column));
                    }
                    statement.setString(CHANGEABLE.size() + 1, row.taskId);
                });
            }
            historyInserts.insert(lines);
            if (!ended.isEmpty()) {
                jdbc.batchUpdate(CLOSE_VERSION, ended, ended.size(), (statement, closing) -> {
                    statement.setObject(1, closing[0]);
                    statement.setString(2, (String) closing[1]);
                });
            }
            versionInserts.insert(replaced);
        };
    }
}
