package org.expoflow.projections.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.commands.api.Actor;
import org.expoflow.projections.api.AwaitingOffice;
import org.expoflow.projections.api.FindAwaitingOffice;
import org.expoflow.projections.api.FindFirstTasks;
import org.expoflow.projections.api.FindStepsToRemind;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.StepsToRemind;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The task lists people work from: a unit's or the office's list, filtered, sorted and a page at a time, and
 * the steps past their deadline that the units are reminded of. Read from the current rows
 * {@link TaskListProjection} keeps, judged overdue at the clock's now; it writes nothing.
 */
@Component
public class TaskListReadings {

    private static final Map<String, String> SORTABLE = Map.of(
            "dueAt", "t.due_at", "assignedAt", "t.assigned_at", "unitId", "t.unit_id", "status", "t.status");

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public TaskListReadings(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public TaskPage handle(FindTasks query) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", Times.utc(clock.instant()));
        String filters = where(params, query.expoId(), query.directiveId(), query.status(), query.overdue());
        Long total = jdbc.queryForObject(count(params, filters, query.unitId()), params, Long.class);
        if (query.size() == 0) {
            return new TaskPage(List.of(), total == null ? 0 : total, query.page(), 0);
        }
        List<TaskSummary> items = first(filters + ofUnit(params, query.unitId()), params, query.sort(), query.size(),
                (long) query.page() * query.size());
        return new TaskPage(items, total == null ? 0 : total, query.page(), query.size());
    }

    @QueryHandler
    public List<TaskSummary> handle(FindFirstTasks query) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", Times.utc(clock.instant()));
        String filters = where(params, query.expoId(), null, query.status(), null) + ofUnit(params, query.unitId());
        return first(filters, params, query.sort(), query.size(), 0);
    }

    private List<TaskSummary> first(String where, MapSqlParameterSource params, String sort, int size, long offset) {
        params.addValue("limit", size).addValue("offset", offset);
        return jdbc.query(TaskSummaryRows.CURRENT + where + " order by " + orderBy(sort) + ", t.task_id limit :limit offset :offset",
                params, this::summary);
    }

    /**
     * How many steps the filters find, of {@code unitId} when given. A unit's are counted as three parts that share no
     * step: its own, those of its group that are another unit's, and those it co-operates on that are neither; each is
     * counted from an index alone (docs/performance.md, "A province's morning").
     */
    private static String count(MapSqlParameterSource params, String filters, String unitId) {
        if (unitId == null) {
            return "select count(*) from task_view t" + filters;
        }
        String steps = "(select count(*) from task_view t" + filters;
        params.addValue("unit", unitId);
        return "select " + steps + " and t.unit_id = :unit)"
                + " + " + steps + " and t.candidate_group = :unit and t.unit_id is distinct from :unit)"
                + " + " + steps + " and t.task_id = any(array(select c.task_id from task_cooperation c where c.unit_id = :unit))"
                + " and t.unit_id is distinct from :unit and t.candidate_group is distinct from :unit)";
    }

    /** A unit's steps: its own, its group's and those it co-operates on. */
    private static String ofUnit(MapSqlParameterSource params, String unitId) {
        if (unitId == null) {
            return "";
        }
        params.addValue("unit", unitId);
        // the co-units' steps as an array, not a correlated EXISTS: so the three are one bitmap OR of indexes, not a
        // scan of every step of the province (docs/performance.md, "A province's morning")
        return " and (t.unit_id = :unit or t.candidate_group = :unit"
                + " or t.task_id = any(array(select c.task_id from task_cooperation c where c.unit_id = :unit)))";
    }

    private static String where(MapSqlParameterSource params, String expoId, String directiveId, String status, Boolean overdue) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        filter(where, params, "t.expo_id", "expo", expoId);
        filter(where, params, "t.directive_id", "directive", directiveId);
        if (status != null) {
            if ("ACTIVE".equals(status)) {
                where.append(" and t.status in ('OPEN', 'CLAIMED')");
            } else {
                filter(where, params, "t.status", "status", TaskStatus.valueOf(status).name());
            }
        }
        if (overdue != null) {
            where.append(overdue
                    ? " and t.status in ('OPEN', 'CLAIMED') and t.due_at < :now"
                    : " and not (t.status in ('OPEN', 'CLAIMED') and t.due_at < :now)");
        }
        return where.toString();
    }

    @QueryHandler
    public AwaitingOffice handle(FindAwaitingOffice query) {
        MapSqlParameterSource params = new MapSqlParameterSource("expo", query.expoId()).addValue("office", Actor.COORDINATOR);
        String open = TaskSummaryRows.CURRENT + " where t.expo_id = :expo and t.status in ('OPEN', 'CLAIMED')";
        String soonestFirst = " order by " + orderBy("dueAt") + ", t.task_id";
        return new AwaitingOffice(
                jdbc.query(open + " and t.candidate_group = :office and t.supervised_task_id is null" + soonestFirst, params,
                        this::summary),
                jdbc.query(open + " and t.extension_due_at is not null" + soonestFirst, params, this::summary));
    }

    /** The units' own steps past {@code dueBefore} and still open, the most overdue first: not the office's or leadership's. */
    @QueryHandler
    public StepsToRemind handle(FindStepsToRemind query) {
        return new StepsToRemind(jdbc.query(TaskSummaryRows.CURRENT + " where t.status in ('OPEN', 'CLAIMED') and t.due_at < :dueBefore"
                        + " and t.supervised_task_id is null and t.candidate_group not in (:office, :leadership) order by t.due_at",
                new MapSqlParameterSource("dueBefore", Times.utc(query.dueBefore())).addValue("office", Actor.COORDINATOR)
                        .addValue("leadership", Actor.LEADER), this::summary));
    }

    private static void filter(StringBuilder where, MapSqlParameterSource params, String column, String name, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.addValue(name, value);
        }
    }

    private static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return "t.due_at, t.assigned_at";
        }
        boolean descending = sort.startsWith("-");
        String column = SORTABLE.get(descending ? sort.substring(1) : sort);
        if (column == null) {
            throw new IllegalArgumentException("sort: unknown sort key '" + sort + "', use one of " + Set.copyOf(SORTABLE.keySet()));
        }
        return column + (descending ? " desc" : "");
    }

    private TaskSummary summary(ResultSet rs, int row) throws SQLException {
        return TaskSummaryRows.summary(rs, clock.instant());
    }
}
