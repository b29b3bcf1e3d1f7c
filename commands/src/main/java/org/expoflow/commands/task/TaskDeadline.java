package org.expoflow.commands.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.DeadlineExtended;
import org.expoflow.commands.api.task.DecideExtensionRequest;
import org.expoflow.commands.api.task.EscalateTask;
import org.expoflow.commands.api.task.ExtendDeadline;
import org.expoflow.commands.api.task.ExtensionRequestDecided;
import org.expoflow.commands.api.task.ExtensionRequested;
import org.expoflow.commands.api.task.RecordTaskDueSoon;
import org.expoflow.commands.api.task.RecordTaskOverdue;
import org.expoflow.commands.api.task.RequestExtension;
import org.expoflow.commands.api.task.TaskDueSoon;
import org.expoflow.commands.api.task.TaskEscalated;
import org.expoflow.commands.api.task.TaskOverdue;
import org.expoflow.commands.office.OfficePolicy;

/**
 * The deadline in force on a {@link Task}, a part of it that answers for itself.
 * <p>
 * Lifecycle: set when the step is assigned, it is watched by the engine's timers: the step becomes <em>due
 * soon</em>, then <em>overdue</em>, then <em>escalated</em> to leadership, each only for the deadline in force, so
 * that a timer set for a deadline since moved records nothing. The office <em>extends</em> it with a reason. Before
 * it passes, the unit may <em>request an extension</em> (延期申请), one at a time; the office <em>decides</em> the
 * request: an approval moves the deadline to the date asked, as the office's own extension does; a refusal says
 * why. The first deadline stays on record across extensions.
 */
class TaskDeadline {

    private final Task task;
    private Instant dueAt;
    private Instant originalDueAt;
    private Instant extensionRequestedTo;
    private String extensionReason;

    TaskDeadline(Task task, Instant dueAt) {
        this.task = task;
        this.dueAt = dueAt;
        this.originalDueAt = dueAt;
    }

    @CommandHandler
    void handle(RecordTaskDueSoon command) {
        if (isInForce(command.dueAt())) {
            apply(new TaskDueSoon(task.taskId(), task.directiveId(), task.unitId(), dueAt));
        }
    }

    @CommandHandler
    void handle(RecordTaskOverdue command) {
        if (isInForce(command.dueAt())) {
            apply(new TaskOverdue(task.taskId(), task.directiveId(), task.unitId(), dueAt));
        }
    }

    @CommandHandler
    void handle(EscalateTask command) {
        if (isInForce(command.dueAt())) {
            apply(new TaskEscalated(task.taskId(), task.directiveId(), task.unitId(), dueAt));
        }
    }

    @CommandHandler
    void handle(ExtendDeadline command) {
        OfficePolicy.checkCoordinator(command.actor(), "extend a deadline");
        task.checkOpen();
        if (command.reason() == null || command.reason().isBlank()) {
            throw DomainRuleViolation.invalid("reason", "an extension gives its reason");
        }
        checkLaterDeadline(command.dueAt(), command.requestedAt());
        extendTo(command.dueAt(), command.reason().strip());
    }

    /** A unit asks for a later deadline on its own open step, before the deadline in force, one request at a time. */
    @CommandHandler
    void handle(RequestExtension command) {
        task.checkOpen();
        task.checkUnitStep("given a later deadline on request");
        if (task.isSupervising()) {
            throw DomainRuleViolation.invalid("taskId", "task " + task.taskId() + " answers a chase-up; its deadline is the office's")
                    .coded("extensionNotForChaseUp");
        }
        TaskActingPolicy.checkMayAct(command.actor(), task.actingGroups(), task.taskId(), task.isSupervising());
        if (extensionRequestedTo != null) {
            throw DomainRuleViolation.conflict("task " + task.taskId() + " has a request for " + extensionRequestedTo
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
        apply(new ExtensionRequested(task.taskId(), task.directiveId(), task.unitId(), command.actor().userId(), dueAt,
                command.dueAt(), command.reason().strip()));
    }

    /**
     * The office approves a unit's request (the deadline moves to the date asked) or refuses it, saying why. Answers
     * the deadline now in force: the one asked for when approved, so that the engine's timers follow the very request
     * decided, whatever the office read of it before.
     */
    @CommandHandler
    Instant handle(DecideExtensionRequest command) {
        OfficePolicy.checkCoordinator(command.actor(), "decide a request for a later deadline");
        task.checkOpen();
        if (extensionRequestedTo == null) {
            throw DomainRuleViolation.conflict("task " + task.taskId() + " has no request for a later deadline waiting")
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
        apply(new ExtensionRequestDecided(task.taskId(), task.directiveId(), task.unitId(), command.actor().userId(),
                command.approve(), requested, comment));
        if (command.approve()) {
            extendTo(requested, reason);
        }
        return command.approve() ? requested : dueAt;
    }

    private void extendTo(Instant newDueAt, String reason) {
        apply(new DeadlineExtended(task.taskId(), task.directiveId(), task.unitId(), dueAt, newDueAt,
                originalDueAt == null ? newDueAt : originalDueAt, reason));
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

    /** A timer fired for the deadline in force on a task still open; not for one since extended. */
    private boolean isInForce(Instant timerDueAt) {
        return !task.isClosed() && Objects.equals(timerDueAt, dueAt);
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
}
