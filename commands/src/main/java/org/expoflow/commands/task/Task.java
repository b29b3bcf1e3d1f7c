package org.expoflow.commands.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.expoflow.commands.api.task.AcknowledgeChaseUp;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.task.AddAttachment;
import org.expoflow.commands.api.task.AddCooperatingUnit;
import org.expoflow.commands.api.task.AssignTask;
import org.expoflow.commands.api.task.DirectiveStep;
import org.expoflow.commands.api.task.StepDemands;
import org.expoflow.commands.api.task.AttachmentAdded;
import org.expoflow.commands.api.task.AttachmentOpened;
import org.expoflow.commands.api.task.RecordAttachmentOpened;
import org.expoflow.commands.api.task.CancelTask;
import org.expoflow.commands.api.task.ChaseUpAcknowledged;
import org.expoflow.commands.api.task.ChaseUpTask;
import org.expoflow.commands.api.task.ClaimTask;
import org.expoflow.commands.api.task.CompleteTask;
import org.expoflow.commands.api.task.CooperatingUnitAdded;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.ReassignTask;
import org.expoflow.commands.api.task.CommentOnTask;
import org.expoflow.commands.api.task.ReportProgress;
import org.expoflow.commands.api.task.TaskCommented;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCancelled;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.expoflow.commands.api.task.TaskClaimed;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.TaskReassigned;
import org.expoflow.commands.api.task.TaskReturnedForRework;
import org.expoflow.commands.api.task.TaskUnclaimed;
import org.expoflow.commands.api.task.UnclaimTask;
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
 * A unit's step has a deadline, watched by the engine's timers (due soon, overdue, escalated) and extended on the
 * office's word or on the unit's request: its {@link TaskDeadline} answers for it. The expo office <em>chases the
 * unit up</em> with a message, at a grade: a reminder (催办) wants no reply, a 督办 or a 通报 (named in the next
 * meeting's brief) one the unit <em>acknowledges</em>. The office may also <em>reassign</em> the step
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
    @AggregateMember
    private TaskDeadline deadline;
    private boolean chaseUpUnanswered;
    private boolean supervising;
    private boolean attachmentRequired;
    private int attachments;
    private boolean closed;

    protected Task() {
        // for event sourcing
    }

    @CommandHandler
    public Task(AssignTask command) {
        DirectiveStep step = command.step();
        StepDemands demands = command.demands();
        apply(new TaskAssigned(command.taskId(), step.expoId(), step.directiveId(), step.unitId(), step.processInstanceId(),
                step.stepKey(), step.stepName(), command.candidateGroup(), command.dueAt(), demands.requiredFigures(),
                command.supervisedTaskId(), demands.attachmentRequired(), command.cooperatingUnits(),
                step.processDefinitionId(), demands.kindFigures()));
        if (command.returnComment() != null) {
            apply(new TaskReturnedForRework(command.taskId(), step.directiveId(), step.unitId(), command.returnComment()));
        }
    }

    @CommandHandler
    public void handle(ClaimTask command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId, supervising);
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
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId, supervising);
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
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId, supervising);
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
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId, supervising);
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
        TaskActingPolicy.checkMayAct(command.actor(), actingGroups(), taskId, supervising);
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

    /** Only a unit's own steps move between units; the office's reviews stay with the office. */
    void checkUnitStep(String what) {
        if (candidateGroup.equals(Actor.COORDINATOR) || candidateGroup.equals(Actor.LEADER)) {
            throw DomainRuleViolation.invalid("taskId", "task " + taskId + " is the office's own step; it cannot be " + what);
        }
    }

    Set<String> actingGroups() {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(candidateGroup);
        groups.addAll(cooperatingUnits);
        return groups;
    }

    void checkOpen() {
        if (closed) {
            throw DomainRuleViolation.conflict("task " + taskId + " is already closed").coded("closed");
        }
    }

    String taskId() {
        return taskId;
    }

    String directiveId() {
        return directiveId;
    }

    String unitId() {
        return unitId;
    }

    boolean isClosed() {
        return closed;
    }

    /** A chase-up's reply step, whose deadline is the office's. */
    boolean isSupervising() {
        return supervising;
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        taskId = event.taskId();
        directiveId = event.directiveId();
        unitId = event.unitId();
        candidateGroup = event.candidateGroup();
        requiredFigures = event.requiredFigures();
        kindFigures = FigurePolicy.declaredOrBefore(event.kindFigures());
        deadline = new TaskDeadline(this, event.dueAt());
        attachmentRequired = event.attachmentRequired();
        supervising = event.supervisedTaskId() != null;
        cooperatingUnits.addAll(event.cooperatingFromStart());
    }

    @EventSourcingHandler
    void on(AttachmentAdded event) {
        attachments++;
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
