package org.expoflow.projections.tasks;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each unit's cell on each directive, kept in {@code board_cell} as its steps change: the facts the board judges the
 * cell by ({@link BoardCellFacts}), so the board of the present reads a row per cell instead of every step of the expo.
 * <p>
 * Live, a change of a task row that can change its cell (a new row, or one of {@link #COUNTED_COLUMNS}) counts the cell
 * again from the few rows of its directive and unit, in the writer's transaction: the cell's row is locked first, so
 * two writers on one cell count one after the other, the second seeing the first's rows. A rebuild counts every cell
 * once from the rows it wrote. The board of a past instant reads the steps' versions, as before (ADR 0034).
 */
@Component
public class KeptBoardCells {

    static final String TABLE = "board_cell";

    /** The columns of a task row whose change can change its cell. */
    static final Set<TaskColumn> COUNTED_COLUMNS = EnumSet.of(TaskColumn.STATUS, TaskColumn.PERCENT,
            TaskColumn.LATEST_REPORT_AT, TaskColumn.RETURN_COMMENT, TaskColumn.DUE_AT, TaskColumn.DUE_SOON_SINCE,
            TaskColumn.ESCALATED_AT, TaskColumn.CLOSED_AT, TaskColumn.CANDIDATE_GROUP, TaskColumn.SUPERVISED_TASK_ID,
            TaskColumn.UNIT_ID, TaskColumn.DIRECTIVE_ID, TaskColumn.EXPO_ID);

    private static final String UNIT = "candidate_group not in ('coordinator', 'leader')";
    private static final String OPEN = "status in ('OPEN', 'CLAIMED')";

    private static final String COLUMNS = "directive_id, unit_id, expo_id, office_steps_open, returned_open, started,"
            + " open_percent, any_percent, last_report_at, open_due_at, open_due_soon_since, open_escalated, returns,"
            + " last_completed_at";

    // the same counting as Flyway V33_22's first fill
    private static final String COUNTED = "select directive_id, unit_id, max(expo_id),"
            + " sum(case when candidate_group in ('coordinator', 'leader') and " + OPEN + " then 1 else 0 end),"
            + " sum(case when " + UNIT + " and status = 'OPEN' and return_comment is not null and latest_report_at is null"
            + " then 1 else 0 end),"
            + " sum(case when " + UNIT + " and (status <> 'OPEN' or latest_report_at is not null) then 1 else 0 end),"
            + " max(case when " + UNIT + " and " + OPEN + " then percent end),"
            + " max(case when " + UNIT + " then percent end),"
            + " max(case when " + UNIT + " then latest_report_at end),"
            + " min(case when " + UNIT + " and " + OPEN + " then due_at end),"
            + " min(case when " + UNIT + " and " + OPEN + " then due_soon_since end),"
            + " sum(case when " + UNIT + " and " + OPEN + " and escalated_at is not null then 1 else 0 end),"
            + " sum(case when " + UNIT + " and return_comment is not null then 1 else 0 end),"
            + " max(case when " + UNIT + " and status = 'COMPLETED' then closed_at end)"
            + " from task_view where supervised_task_id is null";

    private static final String COUNT_CELL = "insert into " + TABLE + " (" + COLUMNS + ") " + COUNTED
            + " and directive_id = :directive and unit_id = :unit group by directive_id, unit_id";

    private static final String COUNT_ALL = "insert into " + TABLE + " (" + COLUMNS + ") " + COUNTED
            + " group by directive_id, unit_id";

    private static final String COUNTED_COLUMNS_ONLY = COLUMNS.substring(COLUMNS.indexOf("office_steps_open"));

    /**
     * For PostgreSQL, a clause of the row's own statement (a data-modifying {@code WITH}, whose clauses all see the rows
     * as they were before it): the cell of the row as the statement left it ({@code row}) counted from it and the other
     * rows of its directive and unit, and written over the kept one. The cell was locked before the statement began
     * ({@link #lock}), so the rows it sees include every other writer's of the cell.
     */
    static String countAgainClause(String row) {
        return "insert into " + TABLE + " (" + COLUMNS + ") " + COUNTED.replace(" from task_view where",
                " from (select t.* from task_view t join " + row + " r on t.directive_id = r.directive_id and t.unit_id = r.unit_id"
                        + " and t.task_id <> r.task_id union all select * from " + row + ") cell_rows where")
                + " group by directive_id, unit_id on conflict (directive_id, unit_id) do update set "
                + String.join(", ", java.util.Arrays.stream(COUNTED_COLUMNS_ONLY.split(",\\s*"))
                .map(column -> column + " = excluded." + column).toList());
    }

    /**
     * For PostgreSQL, before the row's own statement: the kept cell of the task's directive and unit locked (named by the
     * row's new columns when it is being added), so that another writer of the cell waits until this one is done.
     */
    static void lock(NamedParameterJdbcTemplate jdbc, String taskId, TaskRowChange change) {
        Object directive = change.value(TaskColumn.DIRECTIVE_ID);
        Object unit = change.value(TaskColumn.UNIT_ID);
        if (directive != null && unit != null) {
            jdbc.queryForList("select unit_id from " + TABLE + " where directive_id = :directive and unit_id = :unit for update",
                    new MapSqlParameterSource("directive", directive).addValue("unit", unit), String.class);
        } else {
            jdbc.queryForList("select c.unit_id from " + TABLE + " c join task_view t on t.directive_id = c.directive_id"
                    + " and t.unit_id = c.unit_id where t.task_id = :id for update of c", new MapSqlParameterSource("id", taskId),
                    String.class);
        }
    }

    private final JdbcTemplate jdbc;

    public KeptBoardCells(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Live, elsewhere than on PostgreSQL: the cell of a task's directive and unit counted again, after its row changed. */
    static void countAgain(NamedParameterJdbcTemplate jdbc, String taskId) {
        List<Map<String, Object>> found = jdbc.queryForList("select directive_id, unit_id from task_view where task_id = :id"
                + " and supervised_task_id is null", new MapSqlParameterSource("id", taskId));
        if (found.isEmpty()) {
            return; // a chase-up follows a step up; it is not a step of the cell
        }
        MapSqlParameterSource cell = new MapSqlParameterSource("directive", found.get(0).get("directive_id"))
                .addValue("unit", found.get(0).get("unit_id"));
        // the cell's row locked: another writer of the cell waits, and the count below sees its rows once it is done
        boolean kept = !jdbc.queryForList("select unit_id from " + TABLE + " where directive_id = :directive and unit_id = :unit"
                + " for update", cell, String.class).isEmpty();
        if (kept) {
            jdbc.update("delete from " + TABLE + " where directive_id = :directive and unit_id = :unit", cell);
        }
        jdbc.update(COUNT_CELL, cell);
    }

    /** A rebuild's cells, counted once from the task rows it wrote. */
    static void countAll(JdbcTemplate jdbc) {
        jdbc.update(COUNT_ALL);
    }

    /**
     * The kept cells of an expo (of some of its directives, when named), by "directiveId/unitId", their due-soon judged
     * at {@code now}.
     */
    public Map<String, BoardCellFacts> cells(String expoId, List<String> directiveIds, Instant now) {
        Map<String, BoardCellFacts> cells = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("expo", expoId).addValue("directives", directiveIds);
        new NamedParameterJdbcTemplate(jdbc).query("select * from " + TABLE + " where expo_id = :expo"
                + (directiveIds == null ? "" : " and directive_id in (:directives)"), params, rs -> {
            Instant dueSoonSince = Times.instant(rs, "open_due_soon_since");
            cells.put(rs.getString("directive_id") + "/" + rs.getString("unit_id"), new BoardCellFacts(
                    rs.getInt("office_steps_open"), rs.getInt("returned_open"), rs.getInt("started"), rs.getInt("open_percent"),
                    rs.getInt("any_percent"), Times.instant(rs, "last_report_at"), Times.instant(rs, "open_due_at"),
                    dueSoonSince != null && !dueSoonSince.isAfter(now), rs.getInt("open_escalated"), rs.getInt("returns"),
                    Times.instant(rs, "last_completed_at")));
        });
        return cells;
    }
}
