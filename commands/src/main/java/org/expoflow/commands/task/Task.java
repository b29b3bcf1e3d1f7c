package org.expoflow.commands.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.expoflow.commands.api.AssignTask;
import org.expoflow.commands.api.CancelTask;
import org.expoflow.commands.api.ClaimTask;
import org.expoflow.commands.api.CompleteTask;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.ProgressReported;
import org.expoflow.commands.api.ReportProgress;
import org.expoflow.commands.api.TaskAssigned;
import org.expoflow.commands.api.TaskCancelled;
import org.expoflow.commands.api.TaskClaimed;
import org.expoflow.commands.api.TaskCompleted;
import org.expoflow.commands.api.TaskReturnedForRework;
import org.expoflow.commands.api.TaskUnclaimed;
import org.expoflow.commands.api.UnclaimTask;

/**
 * One step of a directive that a unit (or the coordinator, for reviews) has to do, such as
 * "draft the invitation list" for Shenyang.
 * <p>
 * Lifecycle: the engine <em>assigns</em> the task to a candidate group when the unit's process reaches
 * the step (a step reached again after a review returned the work is also <em>returned for rework</em>).
 * A member of the group <em>claims</em> it (and may <em>unclaim</em> it), <em>reports progress</em> as
 * often as useful, and <em>completes</em> it with the figures the step requires; a review step completes
 * with a decision. A task removed by the engine without completion is <em>cancelled</em>. A completed or
 * cancelled task is closed: nothing more happens to it.
 */
public class Task {

    @AggregateIdentifier
    private String taskId;
    private String directiveId;
    private String unitId;
    private String candidateGroup;
    private Set<String> requiredFigures = Set.of();
    private String assignee;
    private boolean closed;

    protected Task() {
        // for event sourcing
    }

    @CommandHandler
    public Task(AssignTask command) {
        apply(new TaskAssigned(command.taskId(), command.expoId(), command.directiveId(), command.unitId(),
                command.processInstanceId(), command.stepKey(), command.stepName(), command.candidateGroup(),
                command.dueAt(), command.requiredFigures() == null ? Set.of() : Set.copyOf(command.requiredFigures())));
        if (command.returnComment() != null) {
            apply(new TaskReturnedForRework(command.taskId(), command.directiveId(), command.unitId(),
                    command.returnComment()));
        }
    }

    @CommandHandler
    public void handle(ClaimTask command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), candidateGroup, taskId);
        if (assignee != null && !assignee.equals(command.assignee())) {
            throw DomainRuleViolation.conflict("task " + taskId + " is already claimed by " + assignee);
        }
        if (command.assignee().equals(assignee)) {
            return;
        }
        apply(new TaskClaimed(taskId, directiveId, unitId, command.assignee()));
    }

    @CommandHandler
    public void handle(UnclaimTask command) {
        checkOpen();
        TaskActingPolicy.checkMayRelease(command.actor(), assignee, candidateGroup, taskId);
        if (assignee == null) {
            return;
        }
        apply(new TaskUnclaimed(taskId, directiveId, unitId, assignee));
    }

    @CommandHandler
    public void handle(ReportProgress command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), candidateGroup, taskId);
        if (command.percent() < 0 || command.percent() > 100) {
            throw DomainRuleViolation.invalid("percent", "percent is between 0 and 100");
        }
        Map<String, BigDecimal> figures = command.figures() == null ? Map.of() : command.figures();
        FigurePolicy.checkKnownAndNonNegative("figures", figures);
        apply(new ProgressReported(taskId, directiveId, unitId, command.percent(), command.note(),
                command.problems(), command.suggestions(), Map.copyOf(figures)));
    }

    @CommandHandler
    public void handle(CompleteTask command) {
        checkOpen();
        TaskActingPolicy.checkMayAct(command.actor(), candidateGroup, taskId);
        Map<String, BigDecimal> figures = command.figures() == null ? Map.of() : command.figures();
        FigurePolicy.checkKnownAndNonNegative("figures", figures);
        FigurePolicy.checkRequiredPresent(requiredFigures, figures);
        apply(new TaskCompleted(taskId, directiveId, unitId, command.actor().userId(),
                command.values() == null ? Map.of() : Map.copyOf(command.values()), Map.copyOf(figures),
                command.decision(), command.comment()));
    }

    @CommandHandler
    public void handle(CancelTask command) {
        if (closed) {
            return; // the engine deletes a completed task's runtime record too; nothing to cancel then
        }
        apply(new TaskCancelled(taskId, directiveId, unitId, command.reason()));
    }

    private void checkOpen() {
        if (closed) {
            throw DomainRuleViolation.conflict("task " + taskId + " is already closed");
        }
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        taskId = event.taskId();
        directiveId = event.directiveId();
        unitId = event.unitId();
        candidateGroup = event.candidateGroup();
        requiredFigures = event.requiredFigures();
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
