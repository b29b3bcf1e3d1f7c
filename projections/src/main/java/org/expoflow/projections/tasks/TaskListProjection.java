package org.expoflow.projections.tasks;

import static org.expoflow.projections.tasks.TaskColumn.ASSIGNED_AT;
import static org.expoflow.projections.tasks.TaskColumn.ASSIGNEE;
import static org.expoflow.projections.tasks.TaskColumn.CANDIDATE_GROUP;
import static org.expoflow.projections.tasks.TaskColumn.CHASED_UP_AT;
import static org.expoflow.projections.tasks.TaskColumn.CHASE_UP_ACKNOWLEDGED_AT;
import static org.expoflow.projections.tasks.TaskColumn.CHASE_UP_GRADE;
import static org.expoflow.projections.tasks.TaskColumn.CHASE_UP_MESSAGE;
import static org.expoflow.projections.tasks.TaskColumn.CLOSED_AT;
import static org.expoflow.projections.tasks.TaskColumn.COOPERATING_UNITS;
import static org.expoflow.projections.tasks.TaskColumn.DECISION;
import static org.expoflow.projections.tasks.TaskColumn.DECISION_COMMENT;
import static org.expoflow.projections.tasks.TaskColumn.DIRECTIVE_ID;
import static org.expoflow.projections.tasks.TaskColumn.DUE_AT;
import static org.expoflow.projections.tasks.TaskColumn.DUE_SOON_SINCE;
import static org.expoflow.projections.tasks.TaskColumn.ESCALATED_AT;
import static org.expoflow.projections.tasks.TaskColumn.EXPO_ID;
import static org.expoflow.projections.tasks.TaskColumn.EXTENSION_DUE_AT;
import static org.expoflow.projections.tasks.TaskColumn.EXTENSION_REASON;
import static org.expoflow.projections.tasks.TaskColumn.EXTENSION_REQUESTED_AT;
import static org.expoflow.projections.tasks.TaskColumn.LATEST_FIGURES;
import static org.expoflow.projections.tasks.TaskColumn.LATEST_NOTE;
import static org.expoflow.projections.tasks.TaskColumn.LATEST_PROBLEMS;
import static org.expoflow.projections.tasks.TaskColumn.LATEST_REPORT_AT;
import static org.expoflow.projections.tasks.TaskColumn.LATEST_SUGGESTIONS;
import static org.expoflow.projections.tasks.TaskColumn.ORIGINAL_DUE_AT;
import static org.expoflow.projections.tasks.TaskColumn.OVERDUE_SINCE;
import static org.expoflow.projections.tasks.TaskColumn.PERCENT;
import static org.expoflow.projections.tasks.TaskColumn.PROCESS_DEFINITION_ID;
import static org.expoflow.projections.tasks.TaskColumn.PROCESS_INSTANCE_ID;
import static org.expoflow.projections.tasks.TaskColumn.RETURN_COMMENT;
import static org.expoflow.projections.tasks.TaskColumn.REWORKED_AT;
import static org.expoflow.projections.tasks.TaskColumn.STATUS;
import static org.expoflow.projections.tasks.TaskColumn.STEP_KEY;
import static org.expoflow.projections.tasks.TaskColumn.STEP_NAME;
import static org.expoflow.projections.tasks.TaskColumn.SUPERVISED_TASK_ID;
import static org.expoflow.projections.tasks.TaskColumn.UNIT_ID;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
        TaskRowChange row = TaskRowChange.of(EXPO_ID.to(event.expoId()), DIRECTIVE_ID.to(event.directiveId()),
                UNIT_ID.to(event.unitId()), PROCESS_INSTANCE_ID.to(event.processInstanceId()), STEP_KEY.to(event.stepKey()),
                STEP_NAME.to(event.stepName()), CANDIDATE_GROUP.to(event.candidateGroup()), STATUS.to(TaskStatus.OPEN.name()),
                DUE_AT.to(event.dueAt()), ORIGINAL_DUE_AT.to(event.dueAt()), PERCENT.to(0), ASSIGNED_AT.to(at),
                SUPERVISED_TASK_ID.to(event.supervisedTaskId()), PROCESS_DEFINITION_ID.to(event.processDefinitionId()));
        List<String> cooperating = event.cooperatingFromStart();
        if (!cooperating.isEmpty()) {
            row = row.with(COOPERATING_UNITS.to(cooperatingUnits(cooperating)));
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
        change(event.taskId(), TaskRowChange.of(RETURN_COMMENT.to(event.comment())),
                line(at, "TaskReturnedForRework", actor, details("comment", event.comment())));
        for (String returned : returnedSteps(rows.stepsOfProcess(event.taskId()), event.taskId())) {
            change(returned, TaskRowChange.of(REWORKED_AT.to(at)), line(at, "StepReturned", actor,
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
        change(event.taskId(), TaskRowChange.of(STATUS.to(TaskStatus.CLAIMED.name()), ASSIGNEE.to(event.assignee())),
                line(at, "TaskClaimed", actor, details("assignee", event.assignee())));
    }

    @EventHandler
    void on(TaskUnclaimed event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.of(STATUS.to(TaskStatus.OPEN.name()), ASSIGNEE.emptied()),
                line(at, "TaskUnclaimed", actor, details("previousAssignee", event.previousAssignee())));
    }

    /** A report replaces the latest one; figures left out of it keep the last ones reported. */
    @EventHandler
    void on(ProgressReported event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        TaskRowChange report = TaskRowChange.of(PERCENT.to(event.percent()), LATEST_NOTE.to(event.note()),
                LATEST_PROBLEMS.to(event.problems()), LATEST_SUGGESTIONS.to(event.suggestions()), LATEST_REPORT_AT.to(at));
        if (!event.figures().isEmpty()) {
            report = report.with(LATEST_FIGURES.to(JsonColumns.write(event.figures())));
        }
        change(event.taskId(), report, line(at, "ProgressReported", actor, details("percent", event.percent(),
                "note", event.note(), "problems", event.problems(), "suggestions", event.suggestions(), "figures", event.figures())));
    }

    @EventHandler
    void on(TaskCompleted event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        String decision = event.decision() == null ? null : event.decision().name();
        TaskRowChange completion = TaskRowChange.of(STATUS.to(TaskStatus.COMPLETED.name()), CLOSED_AT.to(at), PERCENT.to(100),
                DECISION.to(decision), DECISION_COMMENT.to(event.comment()));
        if (!event.figures().isEmpty()) {
            completion = completion.with(LATEST_FIGURES.to(JsonColumns.write(event.figures())));
        }
        change(event.taskId(), completion, line(at, "TaskCompleted", actor, details("completedBy", event.completedBy(),
                "figures", event.figures(), "values", event.values(), "decision", decision, "comment", event.comment())));
    }

    @EventHandler
    void on(TaskCancelled event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        TaskStatus status = event.withdrawn() ? TaskStatus.WITHDRAWN : TaskStatus.CANCELLED;
        change(event.taskId(), TaskRowChange.of(STATUS.to(status.name()), CLOSED_AT.to(at)),
                line(at, event.withdrawn() ? "TaskWithdrawn" : "TaskCancelled", actor, details("reason", event.reason())));
    }

    /** A comment or an instruction is a line of the task's history; the task itself does not change. */
    @EventHandler
    void on(TaskCommented event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.none(), line(at, "TaskCommented", actor, details("author", event.author(),
                "text", event.text(), "instruction", event.instruction())));
    }

    @EventHandler
    void on(AttachmentAdded event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.none(), line(at, "AttachmentAdded", actor, details("attachmentId", event.attachmentId(),
                "name", event.name(), "contentType", event.contentType(), "size", event.size())));
    }

    @EventHandler
    void on(AttachmentOpened event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.none(), line(at, "AttachmentOpened", actor, details("attachmentId", event.attachmentId(),
                "name", event.name(), "openedBy", event.openedBy())));
    }

    @EventHandler
    void on(TaskDueSoon event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.of(DUE_SOON_SINCE.to(at)),
                line(at, "TaskDueSoon", actor, details("dueAt", event.dueAt().toString())));
    }

    @EventHandler
    void on(TaskOverdue event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.of(OVERDUE_SINCE.to(at)),
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
                        ? TaskRowChange.of(CHASED_UP_AT.to(at), CHASE_UP_MESSAGE.to(event.message()),
                        CHASE_UP_ACKNOWLEDGED_AT.emptied(), CHASE_UP_GRADE.to(event.grade().name()))
                        : TaskRowChange.of(CHASE_UP_GRADE.to(event.grade().name())),
                line(at, "TaskChasedUp", actor, history));
    }

    @EventHandler
    void on(ChaseUpAcknowledged event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.of(CHASE_UP_ACKNOWLEDGED_AT.to(at)), line(at, "ChaseUpAcknowledged", actor,
                details("acknowledgedBy", event.acknowledgedBy(), "reply", event.reply())));
    }

    @EventHandler
    void on(TaskEscalated event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.of(ESCALATED_AT.to(at)),
                line(at, "TaskEscalated", actor, details("dueAt", event.dueAt().toString())));
    }

    /** A new deadline starts its supervision afresh: not due soon, overdue or escalated against it yet. */
    @EventHandler
    void on(DeadlineExtended event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.of(DUE_AT.to(event.dueAt()), ORIGINAL_DUE_AT.to(event.originalDueAt()),
                        DUE_SOON_SINCE.emptied(), OVERDUE_SINCE.emptied(), ESCALATED_AT.emptied()),
                line(at, "DeadlineExtended", actor, details("previousDueAt", event.previousDueAt() == null ? null
                                : event.previousDueAt().toString(), "dueAt", event.dueAt().toString(),
                        "originalDueAt", event.originalDueAt().toString(), "reason", event.reason())));
    }

    /** A unit's request for a later deadline waits on its row until the office decides it. */
    @EventHandler
    void on(ExtensionRequested event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.of(EXTENSION_DUE_AT.to(event.dueAt()), EXTENSION_REASON.to(event.reason()),
                        EXTENSION_REQUESTED_AT.to(at)),
                line(at, "ExtensionRequested", actor, details("requestedBy", event.requestedBy(), "dueAt", event.dueAt().toString(),
                        "reason", event.reason(), "currentDueAt", event.currentDueAt() == null ? null : event.currentDueAt().toString())));
    }

    /** Decided, it waits no more; an approval's new deadline comes with the extension that follows. */
    @EventHandler
    void on(ExtensionRequestDecided event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        change(event.taskId(), TaskRowChange.of(EXTENSION_DUE_AT.emptied(), EXTENSION_REASON.emptied(),
                        EXTENSION_REQUESTED_AT.emptied()),
                line(at, "ExtensionRequestDecided", actor, details("decidedBy", event.decidedBy(), "approved", event.approved(),
                        "dueAt", event.requestedDueAt().toString(), "comment", event.comment())));
    }

    /** The unit now responsible is no longer one of the co-operating units. */
    @EventHandler
    void on(TaskReassigned event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        writes.update("delete from task_cooperation where task_id = ? and unit_id = ?", event.taskId(), event.candidateGroup());
        List<String> cooperating = new ArrayList<>(rows.cooperatingUnits(event.taskId()));
        cooperating.remove(event.candidateGroup());
        rows.change(event.taskId(), TaskRowChange.of(CANDIDATE_GROUP.to(event.candidateGroup()),
                        STATUS.to(TaskStatus.OPEN.name()), ASSIGNEE.emptied(), COOPERATING_UNITS.to(cooperatingUnits(cooperating))),
                line(at, "TaskReassigned", actor, details("previousCandidateGroup", event.previousCandidateGroup(),
                        "candidateGroup", event.candidateGroup(), "reason", event.reason())));
    }

    @EventHandler
    void on(CooperatingUnitAdded event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        writes.update("insert into task_cooperation (task_id, unit_id) values (?, ?)", event.taskId(), event.cooperatingUnitId());
        List<String> cooperating = new ArrayList<>(rows.cooperatingUnits(event.taskId()));
        cooperating.add(event.cooperatingUnitId());
        rows.change(event.taskId(), TaskRowChange.of(COOPERATING_UNITS.to(cooperatingUnits(cooperating))),
                line(at, "CooperatingUnitAdded", actor, details("cooperatingUnitId", event.cooperatingUnitId())));
    }

    /** The co-operating units as the list shows them: sorted, comma-separated, none as null. */
    private static String cooperatingUnits(List<String> units) {
        return units.isEmpty() ? null : String.join(",", new TreeSet<>(units));
    }

    @Override
    public List<String> tables() {
        return List.of("task_version", "task_cooperation", "task_history", "task_view", CompletedStepTallies.TABLE,
                KeptBoardCells.TABLE);
    }

    @ResetHandler
    void reset() {
        Databases.empty(jdbc.getJdbcTemplate(), tables().toArray(String[]::new));
    }

    private void change(String taskId, TaskRowChange change, TaskRows.HistoryLine line) {
        rows.change(taskId, change, line);
    }

    private static TaskRows.HistoryLine line(Instant at, String type, String actor, Map<String, Object> details) {
        return new TaskRows.HistoryLine(at, type, actor, JsonColumns.write(details));
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
