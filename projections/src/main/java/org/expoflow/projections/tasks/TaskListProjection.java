package org.expoflow.projections.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.AttachmentAdded;
import org.expoflow.commands.api.ChaseUpAcknowledged;
import org.expoflow.commands.api.CooperatingUnitAdded;
import org.expoflow.commands.api.DeadlineExtended;
import org.expoflow.commands.api.ProgressReported;
import org.expoflow.commands.api.TaskAssigned;
import org.expoflow.commands.api.TaskCancelled;
import org.expoflow.commands.api.TaskClaimed;
import org.expoflow.commands.api.TaskChasedUp;
import org.expoflow.commands.api.TaskCompleted;
import org.expoflow.commands.api.TaskDueSoon;
import org.expoflow.commands.api.TaskEscalated;
import org.expoflow.commands.api.TaskOverdue;
import org.expoflow.commands.api.TaskReassigned;
import org.expoflow.commands.api.TaskReturnedForRework;
import org.expoflow.commands.api.TaskUnclaimed;
import org.expoflow.projections.api.FindTask;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.FindUnitStepCounts;
import org.expoflow.projections.api.TaskDetail;
import org.expoflow.projections.api.TaskHistoryEntry;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitStepCounts;
import org.expoflow.projections.support.Databases;
import org.expoflow.projections.support.JsonColumns;
import org.expoflow.projections.support.ReplayScope;
import org.expoflow.projections.support.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.expoflow.projections.support.ReadModels;

/**
 * Every task with where it stands, its latest progress report and figures, its deadline in force and
 * how its supervision went (due soon, overdue, chased up, acknowledged, escalated), and its history: what
 * a city clerk's task list and a coordinator's chase-up list are made of.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class TaskListProjection {
    private static final Map<String, String> SORTABLE = Map.of(
            "dueAt", "t.due_at", "assignedAt", "t.assigned_at", "unitId", "t.unit_id", "status", "t.status");

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ReplayScope replay;
    private final TaskRows live;

    /** A task list projected live only, as in a test without rebuilds. */
    public TaskListProjection(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, new ReplayScope());
    }

    @Autowired
    public TaskListProjection(NamedParameterJdbcTemplate jdbc, Clock clock, ReplayScope replay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.replay = replay;
        this.live = new LiveTaskRows(jdbc, Databases.isPostgres(jdbc.getJdbcTemplate().getDataSource()));
    }

    @EventHandler
    void on(TaskAssigned event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        Map<String, Object> row = new HashMap<>();
        row.put("expo_id", event.expoId());
        row.put("directive_id", event.directiveId());
        row.put("unit_id", event.unitId());
        row.put("process_instance_id", event.processInstanceId());
        row.put("step_key", event.stepKey());
        row.put("step_name", event.stepName());
        row.put("candidate_group", event.candidateGroup());
        row.put("status", TaskStatus.OPEN.name());
        row.put("due_at", Times.utc(event.dueAt()));
        row.put("original_due_at", Times.utc(event.dueAt()));
        row.put("percent", 0);
        row.put("assigned_at", Times.utc(at));
        row.put("supervised_task_id", event.supervisedTaskId());
        rows().add(event.taskId(), row, line(at, "TaskAssigned", actor, details("step", event.stepName(),
                "candidateGroup", event.candidateGroup(), "dueAt", event.dueAt() == null ? null : event.dueAt().toString())));
    }

    @EventHandler
    void on(TaskReturnedForRework event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("return_comment", event.comment()),
                line(at, "TaskReturnedForRework", actor, details("comment", event.comment())));
    }

    @EventHandler
    void on(TaskClaimed event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("status", TaskStatus.CLAIMED.name(), "assignee", event.assignee()),
                line(at, "TaskClaimed", actor, details("assignee", event.assignee())));
    }

    @EventHandler
    void on(TaskUnclaimed event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("status", TaskStatus.OPEN.name(), "assignee", null),
                line(at, "TaskUnclaimed", actor, details("previousAssignee", event.previousAssignee())));
    }

    /** A report replaces the latest one; figures left out of it keep the last ones reported. */
    @EventHandler
    void on(ProgressReported event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        Map<String, Object> columns = columns("percent", event.percent(), "latest_note", event.note(),
                "latest_problems", event.problems(), "latest_suggestions", event.suggestions(), "latest_report_at", Times.utc(at));
        if (!event.figures().isEmpty()) {
            columns.put("latest_figures", JsonColumns.write(event.figures()));
        }
        change(event.taskId(), columns, line(at, "ProgressReported", actor, details("percent", event.percent(),
                "note", event.note(), "problems", event.problems(), "suggestions", event.suggestions(), "figures", event.figures())));
    }

    @EventHandler
    void on(TaskCompleted event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        String decision = event.decision() == null ? null : event.decision().name();
        Map<String, Object> columns = columns("status", TaskStatus.COMPLETED.name(), "closed_at", Times.utc(at),
                "percent", 100, "decision", decision, "decision_comment", event.comment());
        if (!event.figures().isEmpty()) {
            columns.put("latest_figures", JsonColumns.write(event.figures()));
        }
        change(event.taskId(), columns, line(at, "TaskCompleted", actor, details("completedBy", event.completedBy(),
                "figures", event.figures(), "values", event.values(), "decision", decision, "comment", event.comment())));
    }

    @EventHandler
    void on(TaskCancelled event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        TaskStatus status = event.withdrawn() ? TaskStatus.WITHDRAWN : TaskStatus.CANCELLED;
        change(event.taskId(), columns("status", status.name(), "closed_at", Times.utc(at)),
                line(at, event.withdrawn() ? "TaskWithdrawn" : "TaskCancelled", actor, details("reason", event.reason())));
    }

    @EventHandler
    void on(AttachmentAdded event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns(), line(at, "AttachmentAdded", actor, details("attachmentId", event.attachmentId(),
                "name", event.name(), "contentType", event.contentType(), "size", event.size())));
    }

    @EventHandler
    void on(TaskDueSoon event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("due_soon_since", Times.utc(at)),
                line(at, "TaskDueSoon", actor, details("dueAt", event.dueAt().toString())));
    }

    @EventHandler
    void on(TaskOverdue event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("overdue_since", Times.utc(at)),
                line(at, "TaskOverdue", actor, details("dueAt", event.dueAt().toString())));
    }

    /** A new chase-up waits for its own acknowledgement. */
    @EventHandler
    void on(TaskChasedUp event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("chased_up_at", Times.utc(at), "chase_up_message", event.message(),
                        "chase_up_acknowledged_at", null),
                line(at, "TaskChasedUp", actor, details("chasedBy", event.chasedBy(), "message", event.message())));
    }

    @EventHandler
    void on(ChaseUpAcknowledged event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("chase_up_acknowledged_at", Times.utc(at)), line(at, "ChaseUpAcknowledged", actor,
                details("acknowledgedBy", event.acknowledgedBy(), "reply", event.reply())));
    }

    @EventHandler
    void on(TaskEscalated event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("escalated_at", Times.utc(at)),
                line(at, "TaskEscalated", actor, details("dueAt", event.dueAt().toString())));
    }

    /** A new deadline starts its supervision afresh: not due soon, overdue or escalated against it yet. */
    @EventHandler
    void on(DeadlineExtended event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("due_at", Times.utc(event.dueAt()), "original_due_at", Times.utc(event.originalDueAt()),
                        "due_soon_since", null, "overdue_since", null, "escalated_at", null),
                line(at, "DeadlineExtended", actor, details("previousDueAt", event.previousDueAt() == null ? null
                                : event.previousDueAt().toString(), "dueAt", event.dueAt().toString(),
                        "originalDueAt", event.originalDueAt().toString(), "reason", event.reason())));
    }

    /** The unit now responsible is no longer one of the co-operating units. */
    @EventHandler
    void on(TaskReassigned event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        jdbc.update("delete from task_cooperation where task_id = :id and unit_id = :unit",
                new MapSqlParameterSource("id", event.taskId()).addValue("unit", event.candidateGroup()));
        TaskRows rows = rows();
        List<String> cooperating = new ArrayList<>(rows.cooperatingUnits(event.taskId()));
        cooperating.remove(event.candidateGroup());
        rows.change(event.taskId(), columns("candidate_group", event.candidateGroup(), "status", TaskStatus.OPEN.name(),
                        "assignee", null, "cooperating_units", cooperatingUnits(cooperating)),
                line(at, "TaskReassigned", actor, details("previousCandidateGroup", event.previousCandidateGroup(),
                        "candidateGroup", event.candidateGroup(), "reason", event.reason())));
    }

    @EventHandler
    void on(CooperatingUnitAdded event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        jdbc.update("insert into task_cooperation (task_id, unit_id) values (:id, :unit)",
                new MapSqlParameterSource("id", event.taskId()).addValue("unit", event.cooperatingUnitId()));
        TaskRows rows = rows();
        List<String> cooperating = new ArrayList<>(rows.cooperatingUnits(event.taskId()));
        cooperating.add(event.cooperatingUnitId());
        rows.change(event.taskId(), columns("cooperating_units", cooperatingUnits(cooperating)),
                line(at, "CooperatingUnitAdded", actor, details("cooperatingUnitId", event.cooperatingUnitId())));
    }

    /** The co-operating units as the list shows them: sorted, comma-separated, none as null. */
    private static String cooperatingUnits(List<String> units) {
        return units.isEmpty() ? null : String.join(",", new TreeSet<>(units));
    }

    @ResetHandler
    void reset() {
        Databases.empty(jdbc.getJdbcTemplate(), "task_version", "task_cooperation", "task_history", "task_view");
    }

    /** Live, the rows are written at once; in a rebuild, by the batch. */
    private TaskRows rows() {
        return replay.current()
                .<TaskRows>map(writes -> writes.buffer(BufferedTaskRows.class, w -> new BufferedTaskRows(jdbc.getJdbcTemplate(), w)))
                .orElse(live);
    }

    private void change(String taskId, Map<String, Object> columns, TaskRows.HistoryLine line) {
        rows().change(taskId, columns, line);
    }

    private static TaskRows.HistoryLine line(Instant at, String type, String actor, Map<String, Object> details) {
        return new TaskRows.HistoryLine(at, type, actor, JsonColumns.write(details));
    }

    /** Column names and their new values; a value may be null (the column is emptied). */
    private static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            boolean empty = value == null || (value instanceof Map<?, ?> map && map.isEmpty());
            if (!empty) {
                details.put((String) keysAndValues[i], value);
            }
        }
        return details;
    }

    @QueryHandler
    TaskPage handle(FindTasks query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", Times.utc(clock.instant()));
        filter(where, params, "t.expo_id", "expo", query.expoId());
        if (query.unitId() != null) {
            where.append(" and (t.unit_id = :unit or t.candidate_group = :unit"
                    + " or exists (select 1 from task_cooperation c where c.task_id = t.task_id and c.unit_id = :unit))");
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
    TaskDetail handle(FindTask query) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", query.taskId());
        List<TaskDetail> found = jdbc.query(selectTasks() + " where t.task_id = :id", params, (rs, n) ->
                new TaskDetail(summary(rs, n), rs.getString("instructions"), rs.getString("latest_note"),
                        rs.getString("latest_problems"), rs.getString("latest_suggestions"), rs.getString("decision"),
                        rs.getString("decision_comment"), history(query.taskId())));
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    TaskSummary handle(FindTaskSummary query) {
        List<TaskSummary> found = jdbc.query(selectTasks() + " where t.task_id = :id",
                new MapSqlParameterSource("id", query.taskId()), this::summary);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Counted in the database, one row per unit: a scrape must not read every task. */
    @QueryHandler
    UnitStepCounts.Report handle(FindUnitStepCounts query) {
        String open = "status in ('OPEN', 'CLAIMED')";
        return new UnitStepCounts.Report(jdbc.query("select unit_id,"
                        + " sum(case when " + open + " then 1 else 0 end) as open_steps,"
                        + " sum(case when " + open + " and due_at < :now then 1 else 0 end) as overdue_steps,"
                        + " sum(case when " + open + " and not (due_at < :now) and due_soon_since <= :now then 1 else 0 end)"
                        + " as due_soon_steps,"
                        + " sum(case when due_at <= :now then 1 else 0 end) as due_steps,"
                        + " sum(case when status = 'COMPLETED' then 1 else 0 end) as done_steps"
                        + " from task_view where supervised_task_id is null and candidate_group not in (:office)"
                        + " and status not in ('CANCELLED', 'WITHDRAWN') group by unit_id order by unit_id",
                new MapSqlParameterSource("now", Times.utc(query.now())).addValue("office", List.of(Actor.COORDINATOR, Actor.LEADER)),
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
                cooperating == null ? List.of() : List.of(cooperating.split(",")), rs.getString("supervised_task_id"));
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
        return jdbc.query("select unit_id, status, due_at, closed_at, chased_up_at, chase_up_acknowledged_at from "
                        + (present ? "task_view" : "task_version") + " where expo_id = :expo" + when
                        + " and supervised_task_id is null and candidate_group not in (:office)"
                        + " and status not in ('CANCELLED', 'WITHDRAWN')",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf))
                        .addValue("office", List.of(Actor.COORDINATOR, Actor.LEADER)),
                (rs, n) -> new UnitStep(rs.getString("unit_id"), TaskStatus.valueOf(rs.getString("status")),
                        Times.instant(rs, "due_at"), Times.instant(rs, "closed_at"), Times.instant(rs, "chased_up_at"),
                        Times.instant(rs, "chase_up_acknowledged_at")));
    }

    /** A unit's own step, as the statistics count it. */
    public record UnitStep(String unitId, TaskStatus status, Instant dueAt, Instant closedAt, Instant chasedUpAt,
                           Instant chaseUpAcknowledgedAt) {
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
