package org.expoflow.projections.tasks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.projections.api.FindStepsToRemind;
import org.expoflow.projections.api.FindTask;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.FindUnitStepCounts;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.StepsToRemind;
import org.expoflow.projections.api.TaskDetail;
import org.expoflow.projections.api.TaskHistoryEntry;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitStepCounts;
import org.expoflow.projections.support.JsonColumns;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The task list's rows read back: the lists, a task with its history, the unit-step counts, and an expo's
 * tasks as they stand now or stood at any past instant (with their versions), which the board, the
 * statistics, the deadline lists and the briefs are made of. The one way to read what
 * {@link TaskListProjection} keeps; it writes nothing.
 */
@Component
public class TaskReadings {

    private static final Map<String, String> SORTABLE = Map.of(
            "dueAt", "t.due_at", "assignedAt", "t.assigned_at", "unitId", "t.unit_id", "status", "t.status");

    // a version of a unit's own step: not the office's review, not a chase-up, not closed by the engine or a withdrawal
    private static final String UNIT_STEP_VERSION = "supervised_task_id is null and candidate_group not in (:office)"
            + " and status not in ('CANCELLED', 'WITHDRAWN')";

    // a unit's own step with what the statistics count (the columns of UNIT_STEP_COLUMNS)
    private static final RowMapper<UnitStep> UNIT_STEP = (rs, n) -> new UnitStep(rs.getString("unit_id"),
            TaskStatus.valueOf(rs.getString("status")), Times.instant(rs, "due_at"), Times.instant(rs, "closed_at"),
            Times.instant(rs, "chased_up_at"), Times.instant(rs, "chase_up_acknowledged_at"), rs.getString("directive_id"),
            Times.instant(rs, "latest_report_at"), Times.instant(rs, "reworked_at") != null);
    private static final String UNIT_STEP_COLUMNS = "unit_id, directive_id, status, due_at, closed_at, chased_up_at,"
            + " chase_up_acknowledged_at, latest_report_at, reworked_at";

    // a version of a unit's own step in force: not one done and then sent back for rework, which its redo replaces
    private static final String UNIT_STEP_IN_FORCE = UNIT_STEP_VERSION + " and reworked_at is null";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public TaskReadings(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public TaskPage handle(FindTasks query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", Times.utc(clock.instant()));
        filter(where, params, "t.expo_id", "expo", query.expoId());
        if (query.unitId() != null) {
            // the co-units' steps as an array, not a correlated EXISTS: so the three are one bitmap OR of indexes, not a
            // scan of every step of the province (docs/performance.md, "A province's morning")
            where.append(" and (t.unit_id = :unit or t.candidate_group = :unit"
                    + " or t.task_id = any(array(select c.task_id from task_cooperation c where c.unit_id = :unit)))");
            params.addValue("unit", query.unitId());
        }
        filter(where, params, "t.directive_id", "directive", query.directiveId());
        if (query.status() != null) {
            if ("ACTIVE".equals(query.status())) {
                where.append(" and t.status in ('OPEN', 'CLAIMED')");
            } else {
                filter(where, params, "t.status", "status", TaskStatus.valueOf(query.status()).name());
            }
        }
        if (query.overdue() != null) {
            where.append(query.overdue()
                    ? " and t.status in ('OPEN', 'CLAIMED') and t.due_at < :now"
                    : " and not (t.status in ('OPEN', 'CLAIMED') and t.due_at < :now)");
        }
        Long total = jdbc.queryForObject("select count(*) from task_view t" + where, params, Long.class);
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<TaskSummary> items = jdbc.query(selectTasks() + where + " order by " + orderBy(query.sort())
                + ", t.task_id limit :limit offset :offset", params, this::summary);
        return new TaskPage(items, total == null ? 0 : total, query.page(), query.size());
    }

    @QueryHandler
    public TaskDetail handle(FindTask query) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", query.taskId());
        List<TaskDetail> found = jdbc.query(selectTasks() + " where t.task_id = :id", params, (rs, n) ->
                new TaskDetail(summary(rs, n), rs.getString("instructions"), rs.getString("latest_note"),
                        rs.getString("latest_problems"), rs.getString("latest_suggestions"), rs.getString("decision"),
                        rs.getString("decision_comment"), history(query.taskId())));
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    public TaskSummary handle(FindTaskSummary query) {
        List<TaskSummary> found = jdbc.query(selectTasks() + " where t.task_id = :id",
                new MapSqlParameterSource("id", query.taskId()), this::summary);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Counted in the database, one row per unit: a scrape must not read every task. */
    @QueryHandler
    public StepsToRemind handle(FindStepsToRemind query) {
        return new StepsToRemind(jdbc.query(selectTasks() + " where t.status in ('OPEN', 'CLAIMED') and t.due_at < :dueBefore"
                        + " and t.supervised_task_id is null and t.candidate_group not in (:office, :leadership) order by t.due_at",
                new MapSqlParameterSource("dueBefore", Times.utc(query.dueBefore())).addValue("office", Actor.COORDINATOR)
                        .addValue("leadership", Actor.LEADER), this::summary));
    }

    @QueryHandler
    public UnitStepCounts.Report handle(FindUnitStepCounts query) {
        String open = "status in ('OPEN', 'CLAIMED')";
        return new UnitStepCounts.Report(jdbc.query("select unit_id,"
                        + " sum(case when " + open + " then 1 else 0 end) as open_steps,"
                        + " sum(case when " + open + " and due_at < :now then 1 else 0 end) as overdue_steps,"
                        + " sum(case when " + open + " and not (due_at < :now) and due_soon_since <= :now then 1 else 0 end)"
                        + " as due_soon_steps,"
                        + " sum(case when due_at <= :now then 1 else 0 end) as due_steps,"
                        + " sum(case when status = 'COMPLETED' then 1 else 0 end) as done_steps"
                        + " from task_view where " + UNIT_STEP_IN_FORCE + " group by unit_id order by unit_id",
                new MapSqlParameterSource("now", Times.utc(query.now())).addValue("office", CompletedStepTallies.OFFICE),
                (rs, n) -> new UnitStepCounts(rs.getString("unit_id"), rs.getLong("open_steps"), rs.getLong("overdue_steps"),
                        rs.getLong("due_soon_steps"), rs.getLong("due_steps"), rs.getLong("done_steps"))));
    }

    /** The history of a task, oldest first. */
    public List<TaskHistoryEntry> history(String taskId) {
        return jdbc.query("select * from task_history where task_id = :id order by seq",
                new MapSqlParameterSource("id", taskId), (rs, n) -> new TaskHistoryEntry(Times.instant(rs, "occurred_at"),
                        rs.getString("type"), rs.getString("actor"), JsonColumns.details(rs.getString("details"))));
    }

    private static String selectTasks() {
        return selectTasks("task_view");
    }

    /** Task rows, current ({@code task_view}) or versions ({@code task_version}), with their directive's title and kind. */
    private static String selectTasks(String table) {
        return "select t.*, d.title as directive_title, d.kind as directive_kind, d.instructions"
                + " from " + table + " t left join directive_view d on d.directive_id = t.directive_id";
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

    private TaskSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return summary(rs, clock.instant());
    }

    /** A task row, overdue and due soon judged at {@code now}; the row may come from task_view or task_version. */
    private static TaskSummary summary(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
        Instant dueAt = Times.instant(rs, "due_at");
        boolean open = status.isActive();
        boolean overdue = open && dueAt != null && dueAt.isBefore(now);
        String cooperating = rs.getString("cooperating_units");
        return new TaskSummary(rs.getString("task_id"), rs.getString("expo_id"), rs.getString("directive_id"),
                rs.getString("directive_title"), rs.getString("directive_kind"), rs.getString("unit_id"),
                rs.getString("step_key"), rs.getString("step_name"), rs.getString("candidate_group"), status,
                rs.getString("assignee"), dueAt, overdue,
                rs.getInt("percent"), JsonColumns.figures(rs.getString("latest_figures")),
                Times.instant(rs, "latest_report_at"), rs.getString("return_comment"),
                Times.instant(rs, "assigned_at"), Times.instant(rs, "closed_at"), Times.instant(rs, "original_due_at"),
                open && !overdue && Times.instant(rs, "due_soon_since") != null
                        && !Times.instant(rs, "due_soon_since").isAfter(now), Times.instant(rs, "escalated_at"),
                Times.instant(rs, "chased_up_at"), rs.getString("chase_up_message"),
                Times.instant(rs, "chase_up_acknowledged_at"),
                cooperating == null ? List.of() : List.of(cooperating.split(",")), rs.getString("supervised_task_id"),
                rs.getString("process_definition_id"), Times.instant(rs, "extension_due_at") == null ? null
                        : new TaskSummary.ExtensionRequest(Times.instant(rs, "extension_due_at"), rs.getString("extension_reason"),
                        Times.instant(rs, "extension_requested_at")),
                rs.getString("chase_up_grade") == null ? null : ChaseUpGrade.valueOf(rs.getString("chase_up_grade")));
    }

    /** Every task of an expo as it stood at {@code asOf}, oldest first: the board groups them by unit and directive. */
    public List<TaskSummary> tasksOfExpo(String expoId, Instant asOf) {
        return tasksOfExpo(expoId, asOf, false, "");
    }

    /**
     * Every task of an expo as it stands at {@code asOf}; asked for the present, from the current rows rather
     * than the versions valid now (the same rows, kept in the same transaction, without reading the expo's
     * every version to find them).
     */
    public List<TaskSummary> tasksOfExpo(String expoId, Instant asOf, boolean present) {
        return tasksOfExpo(expoId, asOf, present, "");
    }

    /** The tasks of some of an expo's directives as they stood at {@code asOf} (a page of the board); for the present, as above. */
    public List<TaskSummary> tasksOfDirectives(String expoId, List<String> directiveIds, Instant asOf, boolean present) {
        String when = present ? "" : " and t.valid_from <= :asOf and (t.valid_to is null or t.valid_to > :asOf)";
        return new ArrayList<>(jdbc.query(selectTasks(present ? "task_view" : "task_version")
                        + " where t.directive_id in (:directives) and t.expo_id = :expo" + when
                        + " order by t.assigned_at, t.task_id",
                new MapSqlParameterSource("expo", expoId).addValue("directives", directiveIds)
                        .addValue("asOf", Times.utc(asOf)), (rs, row) -> summary(rs, asOf)));
    }

    /** The tasks of an expo open at {@code asOf} (the deadline lists), oldest first; for the present, as above. */
    public List<TaskSummary> openTasksOfExpo(String expoId, Instant asOf, boolean present) {
        return tasksOfExpo(expoId, asOf, present, " and t.status in ('OPEN', 'CLAIMED')");
    }

    private List<TaskSummary> tasksOfExpo(String expoId, Instant asOf, boolean present, String condition) {
        RowMapper<TaskSummary> mapper = (rs, row) -> summary(rs, asOf);
        String when = present ? "" : " and t.valid_from <= :asOf and (t.valid_to is null or t.valid_to > :asOf)";
        return new ArrayList<>(jdbc.query(selectTasks(present ? "task_view" : "task_version")
                + " where t.expo_id = :expo" + when + condition + " order by t.assigned_at, t.task_id",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf)), mapper));
    }

    /**
     * An expo's unit steps (not the office's reviews, not chase-ups, not cancelled or withdrawn ones) as they
     * stood at {@code asOf}, with only what the statistics count: a province's expo holds tens of thousands
     * of tasks, and reading each whole was most of the statistics' time. For the present, the current rows.
     */
    public List<UnitStep> unitStepsOfExpo(String expoId, Instant asOf, boolean present) {
        String when = present ? "" : " and valid_from <= :asOf and (valid_to is null or valid_to > :asOf)";
        return jdbc.query("select " + UNIT_STEP_COLUMNS + " from " + (present ? "task_view" : "task_version")
                        + " where expo_id = :expo" + when + " and " + UNIT_STEP_VERSION,
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf))
                        .addValue("office", CompletedStepTallies.OFFICE),
                UNIT_STEP);
    }

    /**
     * Per unit, its own steps in force now as the statistics count them ({@link UnitStepTally#of} for the same
     * from rows read): its open steps counted by the database at the hour asked, its completed ones from the
     * tally kept as they completed ({@link CompletedStepTallies}): a province's expo holds tens of thousands of
     * completed unit steps and about a thousand open ones. Days late and hours to acknowledge are rounded per
     * step as {@link UnitStepTally} rounds them, then summed.
     */
    public Map<String, UnitStepTally> unitStepTalliesNow(String expoId, Instant now) {
        String acknowledged = "chased_up_at is not null and chase_up_acknowledged_at is not null";
        Map<String, UnitStepTally> tallies = new HashMap<>();
        jdbc.query("select unit_id, count(*) as steps,"
                        + " sum(case when due_at >= :now then 1 else 0 end) as not_yet_due,"
                        + " sum(case when due_at < :now then 1 else 0 end) as overdue,"
                        + " sum(case when due_at is null then 1 else 0 end) as no_deadline,"
                        + " sum(case when chased_up_at is not null then 1 else 0 end) as chase_ups,"
                        + " sum(case when " + acknowledged + " then 1 else 0 end) as acknowledged,"
                        + " sum(case when " + acknowledged + " then " + CompletedStepTallies.hoursBetween("chased_up_at",
                        "chase_up_acknowledged_at") + " end) as hours_to_acknowledge"
                        + " from task_view where expo_id = :expo and status in ('OPEN', 'CLAIMED') and " + UNIT_STEP_VERSION
                        + " group by unit_id",
                new MapSqlParameterSource("expo", expoId).addValue("now", Times.utc(now))
                        .addValue("office", CompletedStepTallies.OFFICE),
                rs -> {
                    tallies.put(rs.getString("unit_id"), new UnitStepTally(rs.getInt("steps"), 0, 0, 0, rs.getInt("not_yet_due"),
                            rs.getInt("overdue"), rs.getInt("no_deadline"), UnitStepTally.NONE.daysLate(), rs.getInt("chase_ups"),
                            rs.getInt("acknowledged"), sum(rs.getBigDecimal("hours_to_acknowledge"), 2)));
                });
        jdbc.query("select * from " + CompletedStepTallies.TABLE + " where expo_id = :expo and completed > 0",
                new MapSqlParameterSource("expo", expoId), rs -> {
                    int completed = rs.getInt("completed");
                    tallies.merge(rs.getString("unit_id"), new UnitStepTally(completed, completed, rs.getInt("on_time"),
                            rs.getInt("late"), 0, 0, rs.getInt("no_deadline"), sum(rs.getBigDecimal("days_late"), 1),
                            rs.getInt("chase_ups"), rs.getInt("acknowledged"), sum(rs.getBigDecimal("hours_to_acknowledge"), 2)),
                            UnitStepTally::plus);
                });
        return tallies;
    }

    private static BigDecimal sum(BigDecimal summed, int scale) {
        return (summed == null ? BigDecimal.ZERO : summed).setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * An expo's unit steps now on the directives asking for reports every so often, with what the reports overdue
     * need: found from those directives (most ask for none), not among all the expo's steps.
     */
    public List<UnitStep> unitStepsOfDirectivesReportingNow(String expoId) {
        return jdbc.query("select " + UNIT_STEP_COLUMNS + " from task_view where " + UNIT_STEP_VERSION
                        + " and directive_id in (select directive_id from directive_view where expo_id = :expo"
                        + " and report_every is not null)",
                new MapSqlParameterSource("expo", expoId).addValue("office", CompletedStepTallies.OFFICE),
                UNIT_STEP);
    }

    /** The units' own steps now on some directives, with what their next reports need (下次汇报). */
    public List<UnitStep> unitStepsOfDirectives(List<String> directiveIds) {
        return jdbc.query("select " + UNIT_STEP_COLUMNS + " from task_view where " + UNIT_STEP_VERSION
                        + " and directive_id in (:directives)",
                new MapSqlParameterSource("directives", directiveIds).addValue("office", CompletedStepTallies.OFFICE), UNIT_STEP);
    }

    /** The units' own steps (not reviews, not chase-ups) of the open directives that want reports every so often. */
    public List<TaskSummary> unitStepsOfDirectivesReporting() {
        return jdbc.query(selectTasks() + " where d.report_every is not null and d.withdrawn_at is null"
                        + " and t.supervised_task_id is null and t.candidate_group not in (:office)"
                        + " and t.status not in ('CANCELLED', 'WITHDRAWN') order by t.assigned_at",
                new MapSqlParameterSource("office", CompletedStepTallies.OFFICE), this::summary);
    }

    /**
     * Leadership's instructions on an expo's steps and directives after {@code since} and up to {@code asOf}, oldest
     * first, each on a step with the unit's first word on it after the instruction, up to {@code asOf}.
     */
    public List<MeetingBrief.BriefInstruction> instructionsOfExpo(String expoId, Instant since, Instant asOf) {
        List<MeetingBrief.BriefInstruction> instructions = new ArrayList<>();
        jdbc.query("select h.task_id, h.occurred_at, h.details, t.unit_id, t.step_name, t.step_key, d.title as directive_title,"
                        + " d.kind as directive_kind from task_history h join task_view t on t.task_id = h.task_id"
                        + " left join directive_view d on d.directive_id = t.directive_id"
                        + " where t.expo_id = :expo and h.type = 'TaskCommented' and h.occurred_at > :since"
                        + " and h.occurred_at <= :asOf order by h.occurred_at, h.task_id, h.seq",
                new MapSqlParameterSource("expo", expoId).addValue("since", Times.utc(since)).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    Map<String, Object> details = JsonColumns.details(rs.getString("details"));
                    if (Boolean.TRUE.equals(details.get("instruction"))) {
                        instructions.add(new MeetingBrief.BriefInstruction(Times.instant(rs, "occurred_at"),
                                rs.getString("task_id"), rs.getString("unit_id"), rs.getString("directive_title"),
                                rs.getString("step_name"), String.valueOf(details.get("author")), String.valueOf(details.get("text")),
                                rs.getString("directive_kind"), rs.getString("step_key"), null, null, false));
                    }
                });
        List<MeetingBrief.BriefInstruction> answered = withFeedback(instructions, asOf);
        // leadership's instructions on whole directives: no unit, no step
        jdbc.query("select c.at, c.author, c.text, d.title, d.kind from directive_comment c join directive_view d"
                        + " on d.directive_id = c.directive_id where c.expo_id = :expo and c.instruction = true"
                        + " and c.at > :since and c.at <= :asOf",
                new MapSqlParameterSource("expo", expoId).addValue("since", Times.utc(since)).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    answered.add(new MeetingBrief.BriefInstruction(Times.instant(rs, "at"), null, null, rs.getString("title"),
                            null, rs.getString("author"), rs.getString("text"), rs.getString("kind"), null, null, null, false));
                });
        answered.sort(java.util.Comparator.comparing(MeetingBrief.BriefInstruction::at));
        return answered;
    }

    /**
     * Each instruction with the unit's first word on its step after it: a progress report's note, a comment that is no
     * instruction, or the step done.
     */
    private List<MeetingBrief.BriefInstruction> withFeedback(List<MeetingBrief.BriefInstruction> instructions, Instant asOf) {
        if (instructions.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, List<Object[]>> words = new HashMap<>();
        jdbc.query("select task_id, occurred_at, type, details from task_history where task_id in (:tasks)"
                        + " and type in ('ProgressReported', 'TaskCommented', 'TaskCompleted') and occurred_at <= :asOf"
                        + " order by occurred_at, seq",
                new MapSqlParameterSource("tasks", instructions.stream().map(MeetingBrief.BriefInstruction::taskId).distinct()
                        .toList()).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    Map<String, Object> details = JsonColumns.details(rs.getString("details"));
                    String type = rs.getString("type");
                    if (type.equals("TaskCommented") && Boolean.TRUE.equals(details.get("instruction"))) {
                        return;
                    }
                    Object text = switch (type) {
                        case "ProgressReported" -> details.get("note");
                        case "TaskCommented" -> details.get("text");
                        default -> null;
                    };
                    words.computeIfAbsent(rs.getString("task_id"), t -> new ArrayList<>()).add(new Object[] {
                            Times.instant(rs, "occurred_at"), text == null ? null : String.valueOf(text), type.equals("TaskCompleted")});
                });
        List<MeetingBrief.BriefInstruction> answered = new ArrayList<>();
        for (MeetingBrief.BriefInstruction instruction : instructions) {
            Object[] first = words.getOrDefault(instruction.taskId(), List.of()).stream()
                    .filter(word -> ((Instant) word[0]).isAfter(instruction.at())).findFirst().orElse(null);
            answered.add(first == null ? instruction : new MeetingBrief.BriefInstruction(instruction.at(), instruction.taskId(),
                    instruction.unitId(), instruction.directiveTitle(), instruction.stepName(), instruction.author(),
                    instruction.text(), instruction.kind(), instruction.stepKey(), (Instant) first[0], (String) first[1],
                    (Boolean) first[2]));
        }
        return answered;
    }

    /**
     * The chase-ups of every grade on an expo's steps after {@code since} and up to {@code asOf}, oldest first, each with
     * the unit's acknowledgement and reply when given by {@code asOf}.
     */
    public List<MeetingBrief.BriefChaseUp> chaseUpsOfExpo(String expoId, Instant since, Instant asOf) {
        List<MeetingBrief.BriefChaseUp> chaseUps = new ArrayList<>();
        Map<String, List<Object[]>> acknowledgements = new HashMap<>();
        jdbc.query("select h.task_id, h.occurred_at, h.type, h.details, t.unit_id, t.step_name, t.step_key,"
                        + " d.title as directive_title, d.kind as directive_kind from task_history h"
                        + " join task_view t on t.task_id = h.task_id left join directive_view d on d.directive_id = t.directive_id"
                        + " where t.expo_id = :expo and h.type in ('TaskChasedUp', 'ChaseUpAcknowledged')"
                        + " and h.occurred_at <= :asOf order by h.occurred_at, h.task_id, h.seq",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    Map<String, Object> details = JsonColumns.details(rs.getString("details"));
                    Instant at = Times.instant(rs, "occurred_at");
                    if (rs.getString("type").equals("ChaseUpAcknowledged")) {
                        acknowledgements.computeIfAbsent(rs.getString("task_id"), t -> new ArrayList<>())
                                .add(new Object[] {at, details.get("reply") == null ? null : String.valueOf(details.get("reply"))});
                    } else if (at.isAfter(since)) {
                        chaseUps.add(new MeetingBrief.BriefChaseUp(at, rs.getString("task_id"), rs.getString("unit_id"),
                                rs.getString("directive_title"), rs.getString("step_name"), rs.getString("directive_kind"),
                                rs.getString("step_key"), ChaseUpGrade.valueOf(String.valueOf(details.get("grade"))),
                                String.valueOf(details.get("chasedBy")), String.valueOf(details.get("message")), null, null));
                    }
                });
        List<MeetingBrief.BriefChaseUp> answered = new ArrayList<>();
        for (MeetingBrief.BriefChaseUp chaseUp : chaseUps) {
            Object[] acknowledged = chaseUp.grade().requiresReply() ? acknowledgements.getOrDefault(chaseUp.taskId(), List.of())
                    .stream().filter(a -> !((Instant) a[0]).isBefore(chaseUp.at())).findFirst().orElse(null) : null;
            answered.add(acknowledged == null ? chaseUp : new MeetingBrief.BriefChaseUp(chaseUp.at(), chaseUp.taskId(),
                    chaseUp.unitId(), chaseUp.directiveTitle(), chaseUp.stepName(), chaseUp.kind(), chaseUp.stepKey(),
                    chaseUp.grade(), chaseUp.chasedBy(), chaseUp.message(), (Instant) acknowledged[0], (String) acknowledged[1]));
        }
        return answered;
    }

    /**
     * The extension requests on an expo's steps asked or decided after {@code since} and up to {@code asOf}, or still
     * waiting at {@code asOf}, in the order they were asked.
     */
    public List<MeetingBrief.BriefExtension> extensionsOfExpo(String expoId, Instant since, Instant asOf) {
        List<MeetingBrief.BriefExtension> requests = new ArrayList<>();
        Map<String, Integer> waiting = new HashMap<>();
        jdbc.query("select h.task_id, h.occurred_at, h.type, h.details, t.unit_id, t.step_name, t.step_key,"
                        + " d.title as directive_title, d.kind as directive_kind from task_history h"
                        + " join task_view t on t.task_id = h.task_id left join directive_view d on d.directive_id = t.directive_id"
                        + " where t.expo_id = :expo and h.type in ('ExtensionRequested', 'ExtensionRequestDecided')"
                        + " and h.occurred_at <= :asOf order by h.occurred_at, h.task_id, h.seq",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    Map<String, Object> details = JsonColumns.details(rs.getString("details"));
                    Instant at = Times.instant(rs, "occurred_at");
                    String taskId = rs.getString("task_id");
                    if (rs.getString("type").equals("ExtensionRequested")) {
                        waiting.put(taskId, requests.size());
                        requests.add(new MeetingBrief.BriefExtension(at, taskId, rs.getString("unit_id"),
                                rs.getString("directive_title"), rs.getString("step_name"), rs.getString("directive_kind"),
                                rs.getString("step_key"), text(details.get("requestedBy")), instant(details.get("currentDueAt")),
                                instant(details.get("dueAt")), text(details.get("reason")), null, null, null, null));
                    } else if (waiting.containsKey(taskId)) {
                        int index = waiting.remove(taskId);
                        MeetingBrief.BriefExtension asked = requests.get(index);
                        requests.set(index, new MeetingBrief.BriefExtension(asked.at(), taskId, asked.unitId(),
                                asked.directiveTitle(), asked.stepName(), asked.kind(), asked.stepKey(), asked.requestedBy(),
                                asked.currentDueAt(), asked.dueAt(), asked.reason(), Boolean.TRUE.equals(details.get("approved")),
                                at, text(details.get("decidedBy")), text(details.get("comment"))));
                    }
                });
        return requests.stream().filter(request -> request.at().isAfter(since) || request.approved() == null
                || request.decidedAt().isAfter(since)).toList();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(String.valueOf(value));
    }

    /**
     * A unit's own step, as the statistics count it; {@code returned}: done, then sent back for rework by the office's
     * review (its redo counts instead; the reports overdue still hear of it).
     */
    public record UnitStep(String unitId, TaskStatus status, Instant dueAt, Instant closedAt, Instant chasedUpAt,
                           Instant chaseUpAcknowledgedAt, String directiveId, Instant latestReportAt, boolean returned) {
    }

    /** While a version of a unit's step was in force, and whether it was completed then. */
    public record StepSpan(Instant validFrom, Instant validTo, boolean completed) {
    }

    /**
     * The versions of an expo's unit steps (as the statistics count them) from before {@code asOf}, with only when
     * each was in force and whether done: a series over half a year of a province's expo reads hundreds of
     * thousands of versions, and reading each whole task filled the heap.
     */
    public List<StepSpan> unitStepSpansOfExpo(String expoId, Instant asOf) {
        return jdbc.query("select valid_from, valid_to, status from task_version where expo_id = :expo and valid_from <= :asOf"
                        + " and " + UNIT_STEP_IN_FORCE,
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf))
                        .addValue("office", CompletedStepTallies.OFFICE),
                (rs, n) -> new StepSpan(Times.instant(rs, "valid_from"), Times.instant(rs, "valid_to"),
                        TaskStatus.COMPLETED.name().equals(rs.getString("status"))));
    }

    /**
     * The versions of an expo's unit steps that came into force after {@code since}, up to {@code asOf}: what a
     * series kept up to {@code since} needs to go on.
     */
    public List<StepSpan> unitStepSpansOfExpo(String expoId, Instant since, Instant asOf) {
        return jdbc.query("select valid_from, valid_to, status from task_version where expo_id = :expo"
                        + " and valid_from > :since and valid_from <= :asOf and " + UNIT_STEP_IN_FORCE,
                new MapSqlParameterSource("expo", expoId).addValue("since", Times.utc(since)).addValue("asOf", Times.utc(asOf))
                        .addValue("office", CompletedStepTallies.OFFICE),
                (rs, n) -> new StepSpan(Times.instant(rs, "valid_from"), Times.instant(rs, "valid_to"),
                        TaskStatus.COMPLETED.name().equals(rs.getString("status"))));
    }

    /**
     * The versions of an expo's unit steps in force at {@code since} that went out of force after it, by
     * {@code asOf}. A version goes out of force only when the task's next one comes in, at the same instant,
     * so they are found from the few versions that came in since, not among all the expo's.
     */
    public List<StepSpan> unitStepSpansClosedAfter(String expoId, Instant since, Instant asOf) {
        return jdbc.query("select p.valid_from, p.valid_to, p.status from task_version n join task_version p"
                        + " on p.task_id = n.task_id and p.version = n.version - 1"
                        + " where n.expo_id = :expo and n.valid_from > :since and n.valid_from <= :asOf and p.valid_from <= :since"
                        + " and p.supervised_task_id is null and p.candidate_group not in (:office)"
                        + " and p.status not in ('CANCELLED', 'WITHDRAWN') and p.reworked_at is null",
                new MapSqlParameterSource("expo", expoId).addValue("since", Times.utc(since)).addValue("asOf", Times.utc(asOf))
                        .addValue("office", CompletedStepTallies.OFFICE),
                (rs, n) -> new StepSpan(Times.instant(rs, "valid_from"), Times.instant(rs, "valid_to"),
                        TaskStatus.COMPLETED.name().equals(rs.getString("status"))));
    }

    /** Every version of an expo's tasks up to {@code asOf}, for series over time: oldest first. */
    public List<TaskVersion> versionsOfExpo(String expoId, Instant asOf) {
        return jdbc.query("select t.*, d.title as directive_title, d.kind as directive_kind, d.instructions"
                        + " from task_version t left join directive_view d on d.directive_id = t.directive_id"
                        + " where t.expo_id = :expo and t.valid_from <= :asOf order by t.valid_from, t.task_id, t.version",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf)),
                (rs, row) -> new TaskVersion(Times.instant(rs, "valid_from"), Times.instant(rs, "valid_to"), summary(rs, asOf)));
    }

    /** One version of a task: the task as it stood from {@code validFrom} until {@code validTo} (null: still). */
    public record TaskVersion(Instant validFrom, Instant validTo, TaskSummary task) {

        public boolean validAt(Instant instant) {
            return !validFrom.isAfter(instant) && (validTo == null || validTo.isAfter(instant));
        }
    }
}
