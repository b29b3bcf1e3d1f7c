package org.expoflow.projections.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Task rows written as each event comes, in the transaction that stored it. */
final class LiveTaskRows implements TaskRows {

    private static final String VERSIONED = String.join(", ", TaskColumns.VERSIONED);

    private final NamedParameterJdbcTemplate jdbc;

    LiveTaskRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String taskId, Map<String, Object> columns, HistoryLine line) {
        List<String> names = new ArrayList<>(columns.keySet());
        jdbc.update("insert into task_view (task_id, " + String.join(", ", names) + ") values (:task_id, "
                + names.stream().map(name -> ":" + name).collect(Collectors.joining(", ")) + ")",
                new MapSqlParameterSource(columns).addValue("task_id", taskId));
        record(taskId, line);
    }

    @Override
    public void change(String taskId, Map<String, Object> columns, HistoryLine line) {
        if (!columns.isEmpty()) {
            jdbc.update("update task_view set " + columns.keySet().stream().map(name -> name + " = :" + name)
                            .collect(Collectors.joining(", ")) + " where task_id = :task_id",
                    new MapSqlParameterSource(columns).addValue("task_id", taskId));
        }
        record(taskId, line);
    }

    @Override
    public List<String> cooperatingUnits(String taskId) {
        List<String> units = jdbc.queryForList("select cooperating_units from task_view where task_id = :id",
                new MapSqlParameterSource("id", taskId), String.class);
        return units.isEmpty() || units.get(0) == null ? List.of() : List.of(units.get(0).split(","));
    }

    private void record(String taskId, HistoryLine line) {
        // a task's events are stored in sequence, one writer at a time, so the next number cannot be taken
        // twice; numbered in the insert itself, one round trip per event instead of two
        jdbc.update("insert into task_history (task_id, seq, occurred_at, type, actor, details)"
                        + " select :id, coalesce(max(seq), 0) + 1, :at, :type, :actor, :details from task_history where task_id = :id",
                new MapSqlParameterSource().addValue("id", taskId).addValue("at", Times.utc(line.at()))
                        .addValue("type", line.type()).addValue("actor", line.actor()).addValue("details", line.details()));
        keepVersion(taskId, line);
    }

    /** The task row as this event left it becomes a version, valid from the event until the next one. */
    private void keepVersion(String taskId, HistoryLine line) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", taskId).addValue("at", Times.utc(line.at()));
        jdbc.update("update task_version set valid_to = :at where task_id = :id and valid_to is null", params);
        jdbc.update("insert into task_version (task_id, version, valid_from, " + VERSIONED + ")"
                + " select task_id, (select coalesce(max(version), 0) + 1 from task_version where task_id = :id), :at, "
                + VERSIONED + " from task_view where task_id = :id", params);
    }
}
