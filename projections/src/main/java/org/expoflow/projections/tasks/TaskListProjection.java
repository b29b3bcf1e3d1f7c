package org.expoflow.projections.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.expoflow.commands.api.task.AttachmentAdded;
import org.expoflow.commands.api.task.AttachmentOpened;
import org.expoflow.commands.api.task.ChaseUpAcknowledged;
import org.expoflow.commands.api.task.CooperatingUnitAdded;
import org.expoflow.commands.api.task.DeadlineExtended;
import org.expoflow.commands.api.task.ExtensionRequestDecided;
import org.expoflow.commands.api.task.ExtensionRequested;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCancelled;
import org.expoflow.commands.api.task.TaskClaimed;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.expoflow.commands.api.task.TaskCommented;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.TaskDueSoon;
import org.expoflow.commands.api.task.TaskEscalated;
import org.expoflow.commands.api.task.TaskOverdue;
import org.expoflow.commands.api.task.TaskReassigned;
import org.expoflow.commands.api.task.TaskReturnedForRework;
import org.expoflow.commands.api.task.TaskUnclaimed;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.support.Databases;
import org.expoflow.projections.support.JsonColumns;
import org.expoflow.projections.support.ReadModelProjection;
import org.expoflow.projections.support.ReadModelWrites;
import org.expoflow.projections.support.ReplayWrites;
import org.expoflow.projections.support.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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
public class TaskListProjection implements ReadModelProjection {

    /**
     * A task's row, history and versions: live, one statement per event on PostgreSQL ({@link LiveTaskRows}); in a
     * rebuild, kept in memory while the task is open and inserted once, by {@code COPY} ({@link BufferedTaskRows}).
     */
    private static final ReadModelWrites.Rows<TaskRows> TASK_ROWS = new ReadModelWrites.Rows<>() {
        @Override
        public TaskRows now(JdbcTemplate jdbc) {
            return new LiveTaskRows(new NamedParameterJdbcTemplate(jdbc), Databases.isPostgres(jdbc.getDataSource()));
        }

        @Override
        public TaskRows batched(ReplayWrites writes) {
            return writes.buffer(BufferedTaskRows.class, w -> new BufferedTaskRows(w.jdbc(), w));
        }
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ReadModelWrites writes;
    private final TaskRows rows;

    /** The task list projected live, in the writer's transaction. */
    @Autowired
    public TaskListProjection(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, ReadModelWrites.live(jdbc.getJdbcTemplate()));
    }

    public TaskListProjection(NamedParameterJdbcTemplate jdbc, Clock clock, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writes = writes;
        this.rows = writes.rows(TASK_ROWS);
    }

    @Override
    public TaskListProjection writingThrough(ReadModelWrites other) {
        return new TaskListProjection(jdbc, clock, other);
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
        row.put("process_definition_id", event.processDefinitionId());
        List<String> cooperating = event.cooperatingFromStart();
        if (!cooperating.isEmpty()) {
            row.put("cooperating_units", cooperatingUnits(cooperating));
            cooperating.forEach(unit -> writes.update("insert into task_cooperation (task_id, unit_id) values (?, ?)",
                    event.taskId(), unit));
        }
        rows.add(event.taskId(), row, line(at, "TaskAssigned", actor, details("step", event.stepName(),
                "candidateGroup", event.candidateGroup(), "dueAt", event.dueAt() == null ? null : event.dueAt().toString(),
                "cooperatingUnits", cooperating.isEmpty() ? null : String.join(",", cooperating))));
    }

    /**
     * The office's review sent the unit's work back: the step now assigned redoes it. The unit's steps done from that
     * step's last doing on (and those that followed it in the unit's process) are no longer done: each is marked
     * returned, with a line of its history, and counts no more in the statistics ({@link #returnedSteps}).
     */
    @EventHandler
    void on(TaskReturnedForRework event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("return_comment", event.comment()),
                line(at, "TaskReturnedForRework", actor, details("comment", event.comment())));
        for (String returned : returnedSteps(rows.stepsOfProcess(event.taskId()), event.taskId())) {
            change(returned, columns("reworked_at", Times.utc(at)), line(at, "StepReturned", actor,
                    details("reworkTaskId", event.taskId(), "comment", event.comment())));
        }
    }

    /**
     * The unit's completed steps of a process that a return to {@code reworkTaskId}'s step sends back: its latest doing
     * of that step and every one assigned since; all of them when the step was never done before. The office's reviews
     * and chase-ups are not the unit's steps; a step returned already stays as it was. Oldest first.
     */
    static List<String> returnedSteps(List<TaskRows.ProcessStep> steps, String reworkTaskId) {
        TaskRows.ProcessStep redo = steps.stream().filter(step -> step.taskId().equals(reworkTaskId)).findFirst().orElse(null);
        if (redo == null) {
            return List.of();
        }
        List<TaskRows.ProcessStep> done = steps.stream().filter(step -> !step.taskId().equals(reworkTaskId)
                && TaskStatus.COMPLETED.name().equals(step.status()) && step.supervisedTaskId() == null
                && !CompletedStepTallies.OFFICE.contains(step.candidateGroup()) && step.reworkedAt() == null
                && step.assignedAt() != null).toList();
        Instant from = done.stream().filter(step -> step.stepKey() != null && step.stepKey().equals(redo.stepKey()))
                .map(step -> step.assignedAt().toInstant()).max(Comparator.naturalOrder()).orElse(Instant.MIN);
        return done.stream().filter(step -> !step.assignedAt().toInstant().isBefore(from))
                .sorted(Comparator.comparing((TaskRows.ProcessStep step) -> step.assignedAt().toInstant())
                        .thenComparing(TaskRows.ProcessStep::taskId))
                .map(TaskRows.ProcessStep::taskId).toList();
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

    /** A comment or an instruction is a line of the task's history; the task itself does not change. */
    @EventHandler
    void on(TaskCommented event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns(), line(at, "TaskCommented", actor, details("author", event.author(),
                "text", event.text(), "instruction", event.instruction())));
    }

    @EventHandler
    void on(AttachmentAdded event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns(), line(at, "AttachmentAdded", actor, details("attachmentId", event.attachmentId(),
                "name", event.name(), "contentType", event.contentType(), "size", event.size())));
    }

    @EventHandler
    void on(AttachmentOpened event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns(), line(at, "AttachmentOpened", actor, details("attachmentId", event.attachmentId(),
                "name", event.name(), "openedBy", event.openedBy())));
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

    /**
     * A new chase-up (督办, 通报) waits for its own acknowledgement. A reminder (催办) wants none: it is on record with
     * its grade and in the history, and the step is not chased up by it.
     */
    @EventHandler
    void on(TaskChasedUp event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        Map<String, Object> history = details("chasedBy", event.chasedBy(), "message", event.message(),
                "grade", event.grade().name());
        change(event.taskId(), event.grade().requiresReply()
                        ? columns("chased_up_at", Times.utc(at), "chase_up_message", event.message(),
                        "chase_up_acknowledged_at", null, "chase_up_grade", event.grade().name())
                        : columns("chase_up_grade", event.grade().name()),
                line(at, "TaskChasedUp", actor, history));
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

    /** A unit's request for a later deadline waits on its row until the office decides it. */
    @EventHandler
    void on(ExtensionRequested event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("extension_due_at", Times.utc(event.dueAt()), "extension_reason", event.reason(),
                        "extension_requested_at", Times.utc(at)),
                line(at, "ExtensionRequested", actor, details("requestedBy", event.requestedBy(), "dueAt", event.dueAt().toString(),
                        "reason", event.reason())));
    }

    /** Decided, it waits no more; an approval's new deadline comes with the extension that follows. */
    @EventHandler
    void on(ExtensionRequestDecided event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), columns("extension_due_at", null, "extension_reason", null, "extension_requested_at", null),
                line(at, "ExtensionRequestDecided", actor, details("decidedBy", event.decidedBy(), "approved", event.approved(),
                        "dueAt", event.requestedDueAt().toString(), "comment", event.comment())));
    }

    /** The unit now responsible is no longer one of the co-operating units. */
    @EventHandler
    void on(TaskReassigned event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        writes.update("delete from task_cooperation where task_id = ? and unit_id = ?", event.taskId(), event.candidateGroup());
        List<String> cooperating = new ArrayList<>(rows.cooperatingUnits(event.taskId()));
        cooperating.remove(event.candidateGroup());
        rows.change(event.taskId(), columns("candidate_group", event.candidateGroup(), "status", TaskStatus.OPEN.name(),
                        "assignee", null, "cooperating_units", cooperatingUnits(cooperating)),
                line(at, "TaskReassigned", actor, details("previousCandidateGroup", event.previousCandidateGroup(),
                        "candidateGroup", event.candidateGroup(), "reason", event.reason())));
    }

    @EventHandler
    void on(CooperatingUnitAdded event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        writes.update("insert into task_cooperation (task_id, unit_id) values (?, ?)", event.taskId(), event.cooperatingUnitId());
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
        Databases.empty(jdbc.getJdbcTemplate(), "task_version", "task_cooperation", "task_history", "task_view",
                CompletedStepTallies.TABLE);
    }

    private void change(String taskId, Map<String, Object> columns, TaskRows.HistoryLine line) {
        rows.change(taskId, columns, line);
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
}
