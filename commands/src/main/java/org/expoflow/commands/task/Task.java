package org.expoflow.commands.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.expoflow.commands.api.AcknowledgeChaseUp;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.AddAttachment;
import org.expoflow.commands.api.AddCooperatingUnit;
import org.expoflow.commands.api.AssignTask;
import org.expoflow.commands.api.AttachmentAdded;
import org.expoflow.commands.api.AttachmentOpened;
import org.expoflow.commands.api.RecordAttachmentOpened;
import org.expoflow.commands.api.CancelTask;
import org.expoflow.commands.api.ChaseUpAcknowledged;
import org.expoflow.commands.api.ChaseUpTask;
import org.expoflow.commands.api.ClaimTask;
import org.expoflow.commands.api.CompleteTask;
import org.expoflow.commands.api.CooperatingUnitAdded;
import org.expoflow.commands.api.DeadlineExtended;
import org.expoflow.commands.api.DecideExtensionRequest;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.EscalateTask;
import org.expoflow.commands.api.ExtendDeadline;
import org.expoflow.commands.api.ExtensionRequestDecided;
import org.expoflow.commands.api.ExtensionRequested;
import org.expoflow.commands.api.ProgressReported;
import org.expoflow.commands.api.ReassignTask;
import org.expoflow.commands.api.RecordTaskDueSoon;
import org.expoflow.commands.api.RecordTaskOverdue;
import org.expoflow.commands.api.CommentOnTask;
import org.expoflow.commands.api.ReportProgress;
import org.expoflow.commands.api.RequestExtension;
import org.expoflow.commands.api.TaskCommented;
import org.expoflow.commands.api.TaskAssigned;
import org.expoflow.commands.api.TaskCancelled;
import org.expoflow.commands.api.TaskChasedUp;
import org.expoflow.commands.api.TaskClaimed;
import org.expoflow.commands.api.TaskCompleted;
import org.expoflow.commands.api.TaskDueSoon;
import org.expoflow.commands.api.TaskEscalated;
import org.expoflow.commands.api.TaskOverdue;
import org.expoflow.commands.api.TaskReassigned;
import org.expoflow.commands.api.TaskReturnedForRework;
import org.expoflow.commands.api.TaskUnclaimed;
import org.expoflow.commands.api.UnclaimTask;
import org.expoflow.commands.office.OfficePolicy;

/**
 * One step of a directive that a unit (or the coordinator, for reviews) has to do, such as
 * "draft the invitation list" for Shenyang.
 * <p>
 * Lifecycle: the engine <em>assigns</em> the task to a candidate group when the unit's process reaches
 * the step (a step reached again after a review returned the work is also <em>returned for rework</em>).
 * A member of the group <em>claims</em> it (and may <em>unclaim</em> it), <em>reports progress</em> as
 * often as useful, <em>attaches files</em> where the step asks for them, and <em>completes</em> it with the
 * figures (and attachments) the step requires; a review step completes
 * with a decision. A task removed by the engine without completion is <em>cancelled</em>. A completed or
 * cancelled task is closed: nothing more happens to it, but for comments: those concerned may <em>comment</em>
 * on a task at any time, and leadership gives <em>instructions</em> on it.
 * <p>
 * A unit's step has a deadline, watched by the engine's timers: the task becomes <em>due soon</em>, then
 * <em>overdue</em>; the expo office <em>chases the unit up</em> with a message, at a grade: a reminder (催办)
 * wants no reply, a 督办 or a 通报 (named in the next meeting's brief) one the unit <em>acknowledges</em>; still open after a grace period, it is <em>escalated</em> to leadership. Each of
 * these is judged against the deadline in force: a timer set for a deadline since <em>extended</em> records
 * nothing. An extension keeps the original deadline on record. Before its deadline the unit may <em>request an
 * extension</em> (延期申请) with a reason, one at a time; the office <em>decides</em> it: an approval extends the
 * deadline to the date asked, a refusal says why. The office may also <em>reassign</em> the step
 * to another unit or <em>add a co-operating unit</em>, which may then act on it as well.
 */
public class Task {

    static final int MAX_COMMENT = 2000;

    @AggregateIdentifier
    private String taskId;
    private String directiveId;
    private String unitId;
    private String candidateGroup;
    private final Set<String> cooperatingUnits = new LinkedHashSet<>();
    private Set<String> requiredFigures = Set.of();
    private Set<String> kindFigures = FigurePolicy.declaredOrBefore(null);
    private String assignee;
    private Instant dueAt;
    private Instant originalDueAt;
    private boolean chaseUpUnanswered;
    private Instant extensionRequestedTo;
    private String extensionReason;
    private boolean supervising;
    private boolean attachmentRequired;
    private int attachments;
    private boolean closed;

    protected Task() {
        // for event sourcing
    }

    @CommandHandler
    public Task(AssignTask command) {
        apply(new TaskAssigned(command.taskId(), command.expoId(), command.directiveId(), command.unitId(),
                command.processInstanceId(), command.stepKey(), command.stepName(), command.candidateGroup(),
                command.dueAt(), command.requiredFigures() == null ? Set.of() : Set.copyOf(command.requiredFigures()),
                command.supervisedTaskId(), command.attachmentRequired(),
                command.cooperatingUnits() == null ? List.of() : List.copyOf(command.cooperatingUnits()),
                command.processDefinitionId(), command.kindFigures() == null ? null : Set.copyOf(command.kindFigures())));
        if (command.returnComment() != null) {
            apply(new TaskReturnedForRework(command.taskId(), command.directiveId(), command.unitId(),
                    command.returnComment()));
        }
    }

    @CommandHandler
    public void handle(ClaimTask command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId);
        TaskActingPolicy.checkClaimsForOneself(command.actor(), command.assignee(), taskId);
        if (assignee != null && !assignee.equals(command.assignee())) {
            throw DomainRuleViolation.conflict("task " + taskId + " is already claimed by " + assignee).coded("claimedBy", assignee);
        }
        if (command.assignee().equals(assignee)) {
            return;
        }
        apply(new TaskClaimed(taskId, directiveId, unitId, command.assignee()));
    }

    @CommandHandler
    public void handle(UnclaimTask command) {
        checkOpen();
        if (assignee == null) {
            return; // no one's claim to undo: a reassignment released it already
        }
        TaskActingPolicy.checkMayRelease(command.actor(), assignee, Set.of(candidateGroup), taskId);
        apply(new TaskUnclaimed(taskId, directiveId, unitId, assignee));
    }

    @CommandHandler
    public void handle(ReportProgress command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId);
        if (command.percent() < 0 || command.percent() > 100) {
            throw DomainRuleViolation.invalid("percent", "percent is between 0 and 100");
        }
        Map<String, BigDecimal> figures = command.figures() == null ? Map.of() : command.figures();
        FigurePolicy.checkDeclaredAndStorable("figures", figures, kindFigures);
        apply(new ProgressReported(taskId, directiveId, unitId, command.percent(), command.note(),
                command.problems(), command.suggestions(), Map.copyOf(figures)));
    }

    @CommandHandler
    public void handle(CompleteTask command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId);
        Map<String, BigDecimal> figures = command.figures() == null ? Map.of() : command.figures();
        FigurePolicy.checkDeclaredAndStorable("figures", figures, kindFigures);
        FigurePolicy.checkRequiredPresent(requiredFigures, figures);
        if (attachmentRequired && attachments == 0) {
            throw DomainRuleViolation.invalid("attachments", "this step asks for at least one attached file; attach it first")
                    .coded("attachmentRequired");
        }
        apply(new TaskCompleted(taskId, directiveId, unitId, command.actor().userId(),
                command.values() == null ? Map.of() : Map.copyOf(command.values()), Map.copyOf(figures),
                command.decision(), command.comment()));
    }

    @CommandHandler
    public void handle(CancelTask command) {
        if (closed) {
            return; // the engine deletes a completed task's runtime record too; nothing to cancel then
        }
        apply(new TaskCancelled(taskId, directiveId, unitId, command.reason(), command.withdrawn()));
    }

    @CommandHandler
    public void handle(AddAttachment command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId);
        apply(new AttachmentAdded(taskId, directiveId, unitId, command.attachmentId(), command.name(),
                command.contentType(), command.size()));
    }

    /** Opening a file changes nothing of the step, open or closed: it is only recorded, with who opened it. */
    @CommandHandler
    public void handle(RecordAttachmentOpened command) {
        if (command.actor() == null) {
            throw DomainRuleViolation.forbidden("an anonymous user opens no file of task " + taskId);
        }
        apply(new AttachmentOpened(taskId, directiveId, unitId, command.attachmentId(), command.name(), command.actor().userId()));
    }

    @CommandHandler
    public void handle(RecordTaskDueSoon command) {
        if (isInForce(command.dueAt())) {
            apply(new TaskDueSoon(taskId, directiveId, unitId, dueAt));
        }
    }

    @CommandHandler
    public void handle(RecordTaskOverdue command) {
        if (isInForce(command.dueAt())) {
            apply(new TaskOverdue(taskId, directiveId, unitId, dueAt));
        }
    }

    @CommandHandler
    public void handle(EscalateTask command) {
        if (isInForce(command.dueAt())) {
            apply(new TaskEscalated(taskId, directiveId, unitId, dueAt));
        }
    }

    @CommandHandler
    public void handle(ChaseUpTask command) {
        OfficePolicy.checkCoordinator(command.actor(), "chase a unit up");
        checkOpen();
        if (command.message() == null || command.message().isBlank()) {
            throw DomainRuleViolation.invalid("message", "a chase-up tells the unit what is expected of it");
        }
        apply(new TaskChasedUp(taskId, directiveId, unitId, command.actor().userId(), command.message().strip(),
                command.grade()));
    }

    @CommandHandler
    public void handle(AcknowledgeChaseUp command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId);
        if (!chaseUpUnanswered) {
            throw DomainRuleViolation.conflict("task " + taskId + " has no chase-up waiting for an acknowledgement");
        }
        if (command.reply() == null || command.reply().isBlank()) {
            throw DomainRuleViolation.invalid("reply", "a chase-up is answered with what was done and by when")
                    .coded("chaseUpReplyMissing");
        }
        apply(new ChaseUpAcknowledged(taskId, directiveId, unitId, command.actor().userId(), command.reply().strip()));
    }

    @CommandHandler
    public void handle(ExtendDeadline command) {
        OfficePolicy.checkCoordinator(command.actor(), "extend a deadline");
        checkOpen();
        if (command.reason() == null || command.reason().isBlank()) {
            throw DomainRuleViolation.invalid("reason", "an extension gives its reason");
        }
        checkLaterDeadline(command.dueAt(), command.requestedAt());
        apply(new DeadlineExtended(taskId, directiveId, unitId, dueAt, command.dueAt(),
                originalDueAt == null ? command.dueAt() : originalDueAt, command.reason().strip()));
    }

    /** A unit asks for a later deadline on its own open step, before the deadline in force, one request at a time. */
    @CommandHandler
    public void handle(RequestExtension command) {
        checkOpen();
        checkUnitStep("given a later deadline on request");
        if (supervising) {
            throw DomainRuleViolation.invalid("taskId", "task " + taskId + " answers a chase-up; its deadline is the office's")
                    .coded("extensionNotForChaseUp");
        }
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId);
        if (extensionRequestedTo != null) {
            throw DomainRuleViolation.conflict("task " + taskId + " has a request for " + extensionRequestedTo
                    + " waiting for the office's decision").coded("extensionRequestWaiting", extensionRequestedTo);
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw DomainRuleViolation.invalid("reason", "a request for a later deadline gives its reason")
                    .coded("extensionReasonMissing");
        }
        if (dueAt != null && command.requestedAt() != null && !command.requestedAt().isBefore(dueAt)) {
            throw DomainRuleViolation.conflict("the deadline " + dueAt + " has passed: a later one is asked for before it")
                    .coded("extensionAskedTooLate", dueAt);
        }
        checkLaterDeadline(command.dueAt(), command.requestedAt());
        apply(new ExtensionRequested(taskId, directiveId, unitId, command.actor().userId(), dueAt, command.dueAt(),
                command.reason().strip()));
    }

    /**
     * The office approves a unit's request (the deadline moves to the date asked) or refuses it, saying why. Answers
     * the deadline now in force: the one asked for when approved, so that the engine's timers follow the very request
     * decided, whatever the office read of it before.
     */
    @CommandHandler
    public Instant handle(DecideExtensionRequest command) {
        OfficePolicy.checkCoordinator(command.actor(), "decide a request for a later deadline");
        checkOpen();
        if (extensionRequestedTo == null) {
            throw DomainRuleViolation.conflict("task " + taskId + " has no request for a later deadline waiting")
                    .coded("noExtensionRequest");
        }
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        if (!command.approve() && comment == null) {
            throw DomainRuleViolation.invalid("comment", "a refused request for a later deadline is told why")
                    .coded("extensionRefusalReasonMissing");
        }
        Instant requested = extensionRequestedTo;
        String reason = extensionReason;
        if (command.approve()) {
            checkLaterDeadline(requested, command.decidedAt());
        }
        apply(new ExtensionRequestDecided(taskId, directiveId, unitId, command.actor().userId(), command.approve(),
                requested, comment));
        if (command.approve()) {
            apply(new DeadlineExtended(taskId, directiveId, unitId, dueAt, requested,
                    originalDueAt == null ? requested : originalDueAt, reason));
        }
        return command.approve() ? requested : dueAt;
    }

    /** A new deadline is named, still ahead at {@code now} and later than the one in force. */
    private void checkLaterDeadline(Instant newDueAt, Instant now) {
        if (newDueAt == null) {
            throw DomainRuleViolation.invalid("dueOn", "an extension names the new deadline");
        }
        if (now != null && !newDueAt.isAfter(now)) {
            throw DomainRuleViolation.invalid("dueOn", "the new deadline " + newDueAt + " has already passed")
                    .coded("deadlinePassed", newDueAt);
        }
        if (dueAt != null && !newDueAt.isAfter(dueAt)) {
            throw DomainRuleViolation.invalid("dueOn", "an extension moves the deadline later than " + dueAt)
                    .coded("deadlineNotLater", dueAt);
        }
    }

    @CommandHandler
    public void handle(ReassignTask command) {
        OfficePolicy.checkCoordinator(command.actor(), "reassign a task");
        checkOpen();
        checkUnitStep("reassigned");
        if (command.unitId() == null || command.unitId().isBlank()) {
            throw DomainRuleViolation.invalid("unitId", "name the unit that takes the task over");
        }
        if (command.unitId().equals(candidateGroup)) {
            throw DomainRuleViolation.invalid("unitId", "task " + taskId + " is already " + candidateGroup + "'s")
                    .coded("alreadyTheUnits", candidateGroup);
        }
        apply(new TaskReassigned(taskId, directiveId, unitId, candidateGroup, command.unitId(), command.reason()));
    }

    @CommandHandler
    public void handle(AddCooperatingUnit command) {
        OfficePolicy.checkCoordinator(command.actor(), "add a co-operating unit");
        checkOpen();
        checkUnitStep("shared with another unit");
        if (command.unitId() == null || command.unitId().isBlank()) {
            throw DomainRuleViolation.invalid("unitId", "name the co-operating unit");
        }
        if (actingGroups().contains(command.unitId())) {
            throw DomainRuleViolation.conflict("unit " + command.unitId() + " already works on task " + taskId)
                    .coded("alreadyCooperating", command.unitId());
        }
        apply(new CooperatingUnitAdded(taskId, directiveId, unitId, command.unitId()));
    }

    /**
     * Those who act on the step, the office and leadership may comment on it, also once it is closed; only a
     * leader gives an instruction.
     */
    @CommandHandler
    public void handle(CommentOnTask command) {
        Actor actor = command.actor();
        if (actor == null || !(actor.isCoordinator() || actor.belongsTo(Actor.LEADER) || actor.isEngine()
                || actingGroups().stream().anyMatch(actor::belongsTo))) {
            throw DomainRuleViolation.forbidden("user " + (actor == null ? "anonymous" : actor.userId())
                    + " may not comment on task " + taskId).coded("mayNotCommentOnStep");
        }
        if (command.instruction() && !actor.belongsTo(Actor.LEADER)) {
            throw DomainRuleViolation.forbidden("only leadership gives instructions").coded("instructionByLeadership");
        }
        String text = command.text() == null ? "" : command.text().strip();
        if (text.isEmpty()) {
            throw DomainRuleViolation.invalid("text", "a comment says something")
                    .coded(command.instruction() ? "instructionEmpty" : "commentEmpty");
        }
        if (text.length() > MAX_COMMENT) {
            throw DomainRuleViolation.invalid("text", "a comment is at most " + MAX_COMMENT + " characters");
        }
        apply(new TaskCommented(taskId, directiveId, unitId, actor.userId(), text, command.instruction()));
    }

    /** A timer fired for the deadline in force on a task still open; not for one since extended. */
    private boolean isInForce(Instant timerDueAt) {
        return !closed && Objects.equals(timerDueAt, dueAt);
    }

    /** Only a unit's own steps move between units; the office's reviews stay with the office. */
    private void checkUnitStep(String what) {
        if (candidateGroup.equals(Actor.COORDINATOR) || candidateGroup.equals(Actor.LEADER)) {
            throw DomainRuleViolation.invalid("taskId", "task " + taskId + " is the office's own step; it cannot be " + what);
        }
    }

    private Set<String> actingGroups() {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(candidateGroup);
        groups.addAll(cooperatingUnits);
        return groups;
    }

    private void checkOpen() {
        if (closed) {
            throw DomainRuleViolation.conflict("task " + taskId + " is already closed").coded("closed");
        }
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        taskId = event.taskId();
        directiveId = event.directiveId();
        unitId = event.unitId();
        candidateGroup = event.candidateGroup();
        requiredFigures = event.requiredFigures();
        kindFigures = FigurePolicy.declaredOrBefore(event.kindFigures());
        dueAt = event.dueAt();
        originalDueAt = event.dueAt();
        attachmentRequired = event.attachmentRequired();
        supervising = event.supervisedTaskId() != null;
        cooperatingUnits.addAll(event.cooperatingFromStart());
    }

    @EventSourcingHandler
    void on(AttachmentAdded event) {
        attachments++;
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        dueAt = event.dueAt();
        originalDueAt = event.originalDueAt();
    }

    @EventSourcingHandler
    void on(ExtensionRequested event) {
        extensionRequestedTo = event.dueAt();
        extensionReason = event.reason();
    }

    @EventSourcingHandler
    void on(ExtensionRequestDecided event) {
        extensionRequestedTo = null;
        extensionReason = null;
    }

    @EventSourcingHandler
    void on(TaskChasedUp event) {
        // a reminder (催办) wants no reply; a later 督办 or 通报 does
        chaseUpUnanswered = chaseUpUnanswered || event.grade().requiresReply();
    }

    @EventSourcingHandler
    void on(ChaseUpAcknowledged event) {
        chaseUpUnanswered = false;
    }

    @EventSourcingHandler
    void on(TaskReassigned event) {
        candidateGroup = event.candidateGroup();
        cooperatingUnits.remove(event.candidateGroup());
        assignee = null;
    }

    @EventSourcingHandler
    void on(CooperatingUnitAdded event) {
        cooperatingUnits.add(event.cooperatingUnitId());
    }

    @EventSourcingHandler
    void on(TaskClaimed event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(TaskUnclaimed event) {
        assignee = null;
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(TaskCancelled event) {
        closed = true;
    }
}
