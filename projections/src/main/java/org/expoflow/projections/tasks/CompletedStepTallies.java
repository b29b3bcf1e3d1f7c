package org.expoflow.projections.tasks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.expoflow.commands.api.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What each unit's completed steps add to its statistics, kept per expo and unit in {@code unit_step_tally}:
 * completed on time or late (with the days late), without a deadline, chased up and acknowledged (with the
 * hours). A completed step counts the same at any hour, so the statistics of the present add these to the
 * few open steps they count at the hour asked, rather than count a province's tens of thousands of completed
 * steps at every request (Flyway V28 has the measurements).
 * <p>
 * Live, every change of a task row that can change what it adds (its status, deadline, chase-up, group)
 * adds the difference it makes to its unit's tally, in the writer's transaction: on PostgreSQL within the
 * row's own statement, elsewhere by reading the row before and after. A rebuild counts the tallies once,
 * from the rows it wrote. A row whose {@code completed} is 0 counts nothing (a unit whose only completed
 * step was taken over again, or sent back for rework).
 */
final class CompletedStepTallies {

    static final String TABLE = "unit_step_tally";

    /** The columns of a task row whose change can change what the row adds to a tally. */
    static final Set<TaskColumn> COUNTED_COLUMNS = EnumSet.of(TaskColumn.STATUS, TaskColumn.DUE_AT, TaskColumn.CLOSED_AT,
            TaskColumn.CHASED_UP_AT, TaskColumn.CHASE_UP_ACKNOWLEDGED_AT, TaskColumn.CANDIDATE_GROUP,
            TaskColumn.SUPERVISED_TASK_ID, TaskColumn.EXPO_ID, TaskColumn.UNIT_ID, TaskColumn.REWORKED_AT);

    static final List<String> OFFICE = List.of(Actor.COORDINATOR, Actor.LEADER);

    private static final List<String> COUNTS = List.of("completed", "on_time", "late", "no_deadline", "days_late",
            "chase_ups", "acknowledged", "hours_to_acknowledge");

    private static final String SUMS = String.join(", ", COUNTS.stream().map(count -> "sum(" + count + ") as " + count).toList());

    // a delta that changes nothing is not written: no lock on the unit's tally for a step claimed or commented on
    private static final String CHANGES_SOMETHING = String.join(" or ",
            COUNTS.stream().map(count -> "sum(" + count + ") <> 0").toList());

    private static final String COLUMNS = "expo_id, unit_id, " + String.join(", ", COUNTS);

    private static final String ADDED_BY_ROW = "select " + added("t", 1) + " from task_view t where t.task_id = :id";

    private static final String ADD = "update " + TABLE + " set " + String.join(", ", COUNTS.stream()
            .map(count -> count + " = " + count + " + :" + count).toList()) + " where expo_id = :expo and unit_id = :unit";

    private static final String FIRST = "insert into " + TABLE + " (" + COLUMNS + ") values (:expo, :unit, "
            + String.join(", ", COUNTS.stream().map(count -> ":" + count).toList()) + ")";

    private static final String COUNTED_FROM_ROWS = "select expo_id, unit_id, " + SUMS
            + " from (select " + added("t", 1) + " from task_view t where t.status = 'COMPLETED') counted"
            + " group by expo_id, unit_id having sum(completed) <> 0";

    private static final String COUNT_ALL = "insert into " + TABLE + " (" + COLUMNS + ") " + COUNTED_FROM_ROWS;

    private CompletedStepTallies() {
    }

    /**
     * What the rows of {@code alias} add to their unit's tally, times {@code sign}: as columns expo_id,
     * unit_id and the counts. The office's reviews and the chase-up steps add nothing, nor a step not completed, nor
     * one done and then sent back for rework.
     */
    private static String added(String alias, int sign) {
        String counted = alias + ".status = 'COMPLETED' and " + alias + ".supervised_task_id is null and " + alias
                + ".candidate_group not in (:office) and " + alias + ".reworked_at is null";
        String dated = counted + " and " + alias + ".due_at is not null";
        String late = dated + " and " + alias + ".closed_at > " + alias + ".due_at";
        String chased = counted + " and " + alias + ".chased_up_at is not null";
        String acknowledged = chased + " and " + alias + ".chase_up_acknowledged_at is not null";
        return alias + ".expo_id as expo_id, " + alias + ".unit_id as unit_id, "
                + sign + " * case when " + counted + " then 1 else 0 end as completed, "
                + sign + " * case when " + dated + " and " + alias + ".closed_at <= " + alias + ".due_at then 1 else 0 end as on_time, "
                + sign + " * case when " + late + " then 1 else 0 end as late, "
                + sign + " * case when " + counted + " and " + alias + ".due_at is null then 1 else 0 end as no_deadline, "
                + sign + " * case when " + late + " then round(" + hoursBetween(alias + ".due_at", alias + ".closed_at")
                + " / 24, 1) else 0 end as days_late, "
                + sign + " * case when " + chased + " then 1 else 0 end as chase_ups, "
                + sign + " * case when " + acknowledged + " then 1 else 0 end as acknowledged, "
                + sign + " * case when " + acknowledged + " then " + hoursBetween(alias + ".chased_up_at",
                alias + ".chase_up_acknowledged_at") + " else 0 end as hours_to_acknowledge";
    }

    /** Whole minutes between two instants, in hours to two places: {@link UnitStepTally#hours} in SQL (H2 and PostgreSQL). */
    static String hoursBetween(String from, String to) {
        return "round(floor((extract(epoch from " + to + ") - extract(epoch from " + from + ")) / 60) / 60, 2)";
    }

    /**
     * For PostgreSQL, a clause of the row's own statement (a data-modifying {@code WITH}): the difference
     * between the row as it was ({@code before}) and as the statement left it ({@code after}) added to its
     * unit's tally.
     */
    static String addDifferenceClause(String before, String after) {
        return "insert into " + TABLE + " (" + COLUMNS + ") select expo_id, unit_id, " + SUMS + " from (select "
                + added(after, 1) + " from " + after + " union all select " + added(before, -1) + " from " + before
                + ") difference group by expo_id, unit_id having " + CHANGES_SOMETHING
                + " on conflict (expo_id, unit_id) do update set " + String.join(", ", COUNTS.stream()
                .map(count -> count + " = " + TABLE + "." + count + " + excluded." + count).toList());
    }

    /** Elsewhere: what the row adds now, to be read before and after it changes ({@link #addDifference}). */
    static Map<String, Object> addedByRow(NamedParameterJdbcTemplate jdbc, String taskId) {
        List<Map<String, Object>> found = jdbc.queryForList(ADDED_BY_ROW, new MapSqlParameterSource("id", taskId).addValue("office", OFFICE));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Elsewhere: the difference between the row's two readings added to its unit's tally (to each, were they two). */
    static void addDifference(NamedParameterJdbcTemplate jdbc, Map<String, Object> before, Map<String, Object> after) {
        Map<Unit, Map<String, BigDecimal>> differences = new HashMap<>();
        if (before != null) {
            add(differences, before, BigDecimal.ONE.negate());
        }
        if (after != null) {
            add(differences, after, BigDecimal.ONE);
        }
        differences.forEach((unit, counts) -> {
            if (counts.values().stream().allMatch(count -> count.signum() == 0)) {
                return;
            }
            MapSqlParameterSource difference = new MapSqlParameterSource(Map.copyOf(counts)).addValue("expo", unit.expoId())
                    .addValue("unit", unit.unitId());
            if (jdbc.update(ADD, difference) == 0) {
                try {
                    jdbc.update(FIRST, difference);
                } catch (DuplicateKeyException addedMeanwhile) {
                    // another writer's first step of the unit committed between the two statements (H2 waited for it)
                    jdbc.update(ADD, difference);
                }
            }
        });
    }

    private record Unit(String expoId, String unitId) {
    }

    private static void add(Map<Unit, Map<String, BigDecimal>> differences, Map<String, Object> reading, BigDecimal sign) {
        Map<String, BigDecimal> counts = differences.computeIfAbsent(
                new Unit((String) reading.get("expo_id"), (String) reading.get("unit_id")), unit -> new HashMap<>());
        for (String count : COUNTS) {
            counts.merge(count, number(reading.get(count)).multiply(sign), BigDecimal::add);
        }
    }

    /** A rebuild's tallies, counted once from the task rows it wrote. */
    static void countAll(JdbcTemplate jdbc) {
        new NamedParameterJdbcTemplate(jdbc).update(COUNT_ALL, new MapSqlParameterSource("office", OFFICE));
    }

    /**
     * The units whose kept tally differs from what their task rows add up to now, each with both (an
     * administrator's consistency check: a rebuild counts them afresh).
     */
    static List<UnitTallyDifference> differences(JdbcTemplate jdbc) {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        Map<Unit, String> kept = tallies(named, "select * from " + TABLE + " where completed <> 0");
        Map<Unit, String> counted = tallies(named, COUNTED_FROM_ROWS);
        Set<Unit> units = new HashSet<>(kept.keySet());
        units.addAll(counted.keySet());
        return units.stream().filter(unit -> !Objects.equals(kept.get(unit), counted.get(unit)))
                .sorted(Comparator.comparing(Unit::expoId).thenComparing(Unit::unitId))
                .map(unit -> new UnitTallyDifference(unit.expoId(), unit.unitId(), kept.get(unit), counted.get(unit)))
                .toList();
    }

    // per unit, its counts as one line: "completed 3, on_time 1, ..., days_late 2.5, ..."
    private static Map<Unit, String> tallies(NamedParameterJdbcTemplate jdbc, String sql) {
        Map<Unit, String> tallies = new HashMap<>();
        jdbc.query(sql, new MapSqlParameterSource("office", OFFICE), rs -> {
            List<String> counts = new ArrayList<>();
            for (String count : COUNTS) {
                counts.add(count + " " + rs.getBigDecimal(count).stripTrailingZeros().toPlainString());
            }
            tallies.put(new Unit(rs.getString("expo_id"), rs.getString("unit_id")), String.join(", ", counts));
        });
        return tallies;
    }

    private static BigDecimal number(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(String.valueOf(value));
    }
}
