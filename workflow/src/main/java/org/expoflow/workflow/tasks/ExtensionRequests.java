package org.expoflow.workflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.expoflow.commands.api.task.DecideExtensionRequest;
import org.expoflow.commands.api.task.RequestExtension;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.application.ProvinceDeadlines;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.StepEngine;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Extension requests (延期申请): before its deadline a unit asks for a later one, with a reason; the office approves
 * it (the deadline moves exactly as by the office's own extension, through {@link StepEngine}) or refuses it, saying
 * why. A request changes no process state and goes straight to the task; a decision goes through the engine. Each
 * answers once the read models show it.
 */
@Service
public class ExtensionRequests {

    private final VisibleSteps visible;
    private final StepEngine engine;
    private final ActingContext acting;
    private final Clock clock;
    private final ProvinceDeadlines deadlines;
    private final RequestRules rules;
    private final Refusals refusals;

    ExtensionRequests(VisibleSteps visible, StepEngine engine, ActingContext acting, Clock clock,
                      ProvinceDeadlines deadlines, RequestRules rules, Refusals refusals) {
        this.visible = visible;
        this.engine = engine;
        this.acting = acting;
        this.clock = clock;
        this.deadlines = deadlines;
        this.rules = rules;
        this.refusals = refusals;
    }

    /** The new last day asked for (province time), and why. */
    public record Ask(LocalDate dueOn, @NotBlank @Size(max = 2000) String reason) {
    }

    /** The office's answer: {@code approve}, or not with a {@code comment} saying why. */
    public record Decision(@NotNull Boolean approve, @Size(max = 2000) String comment) {
    }

    /** A clerk of the step's unit asks for a later deadline. */
    public void ask(ExpoFlowUser user, String taskId, Ask request) {
        rules.check(request);
        visible.summary(user, taskId);
        Instant dueAt = deadlines.of(request.dueOn(), null);
        if (dueAt == null) {
            throw refusals.invalid("dueOn", "deadlineMissing");
        }
        acting.send(new RequestExtension(taskId, acting.currentActor(), dueAt, request.reason(), clock.instant()));
    }

    /** The office approves or refuses the request waiting on a step. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public void decide(ExpoFlowUser user, String taskId, Decision request) {
        check(request);
        TaskSummary task = visible.summary(user, taskId);
        if (!task.deadline().extensionAsked()) {
            throw refusals.conflict("noExtensionRequest");
        }
        engine.decideExtension(new DecideExtensionRequest(taskId, acting.currentActor(), request.approve(), request.comment(),
                clock.instant()), task.supervisedTaskId() == null);
    }

    /** A decision as a whole: a refusal says why. */
    void check(Decision request) {
        rules.check(request);
        if (!request.approve() && (request.comment() == null || request.comment().isBlank())) {
            throw refusals.invalid("comment", "extensionRefusalReasonMissing");
        }
    }
}
