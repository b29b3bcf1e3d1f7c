package org.expoflow.workflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.task.AddCooperatingUnit;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.ExtendDeadline;
import org.expoflow.commands.api.task.ReassignTask;
import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.application.ProvinceDeadlines;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.DeadlineSupervision;
import org.expoflow.workflow.engine.StepEngine;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.security.access.prepost.PreAuthorize;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the expo office does to a unit's steps: extends a deadline (the original stays on record), hands a step
 * to another unit, asks another unit to co-operate, chases a unit up on an overdue step, and does any of these,
 * or approves reviews, to many steps at once. Each goes through {@link StepEngine}, command and engine change in
 * one transaction, and answers once the read models show it.
 */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class OfficeStepWork {

    private final VisibleSteps visible;
    private final StepEngine engine;
    private final UnitStepWork unitWork;
    private final ActingContext acting;
    private final Clock clock;
    private final ProvinceDeadlines deadlines;
    private final RequestRules rules;
    private final ExpoWork expos;
    private final UnitRegister register;
    private final Refusals refusals;
    private final ExtensionRequests extensionRequests;
    private final TransactionTemplate eachStep;

    public OfficeStepWork(VisibleSteps visible, StepEngine engine, UnitStepWork unitWork, ActingContext acting, Clock clock, ProvinceDeadlines deadlines, RequestRules rules,
                          ExpoWork expos, UnitRegister register, Refusals refusals, ExtensionRequests extensionRequests,
                          PlatformTransactionManager transactionManager) {
        this.eachStep = new TransactionTemplate(transactionManager);
        // a transaction of its own, or a savepoint within the request's (an Idempotency-Key's, docs/adr/0028)
        this.eachStep.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.extensionRequests = extensionRequests;
        this.visible = visible;
        this.engine = engine;
        this.unitWork = unitWork;
        this.acting = acting;
        this.clock = clock;
        this.deadlines = deadlines;
        this.rules = rules;
        this.expos = expos;
        this.register = register;
        this.refusals = refusals;
    }

    /** {@code dueOn} is the new last day (province time), {@code dueAt} a precise instant and wins. */
    public record ExtendRequest(LocalDate dueOn, Instant dueAt, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ReassignRequest(@NotBlank @Size(max = 64) String unitId, @NotBlank @Size(max = 2000) String reason) {
    }

    public record CooperatingUnitRequest(@NotBlank @Size(max = 64) String unitId) {
    }

    /**
     * The office's chase-up of an overdue step: what the unit is expected to do, and by when, at a grade: {@code URGE}
     * (催办, a reminder, no reply due), {@code SUPERVISE} (督办, a reply due: the default) or {@code NOTIFY} (通报, a reply
     * due, and the unit named in the next meeting's brief).
     */
    public record ChaseUpRequest(@NotBlank @Size(max = 2000) String message,
                                 @Schema(description = "URGE 催办 (a reminder, no reply due), SUPERVISE 督办 (a reply due; the default)"
                                         + " or NOTIFY 通报 (a reply due, and the unit named in the next meeting's brief)",
                                         allowableValues = {"URGE", "SUPERVISE", "NOTIFY"}, nullable = true) String grade) {

        /** A 督办, as before grades. */
        public ChaseUpRequest(String message) {
            this(message, null);
        }
    }

    /** What the office does to many steps at once. */
    public enum BulkAction { EXTEND, REASSIGN, APPROVE, CHASE_UP, APPROVE_EXTENSION, REFUSE_EXTENSION }

    /**
     * One office action on many steps: {@code EXTEND} to {@code dueOn} (or {@code dueAt}) with a
     * {@code reason}; {@code REASSIGN} to {@code unitId} with a {@code reason}; {@code APPROVE} review steps,
     * with an optional {@code comment}; {@code CHASE_UP} overdue steps with a {@code message} at a {@code grade}
     * (URGE, SUPERVISE or NOTIFY; SUPERVISE when none);
     * {@code APPROVE_EXTENSION} the units' requests for a later deadline (optional {@code comment}), or
     * {@code REFUSE_EXTENSION} them with a {@code comment} saying why.
     */
    public record BulkRequest(@NotNull BulkAction action, @NotEmpty @Size(max = 200) List<@NotBlank String> taskIds,
                              LocalDate dueOn, Instant dueAt, @Size(max = 64) String unitId,
                              @Size(max = 2000) String reason, @Size(max = 2000) String comment,
                              @Size(max = 2000) String message, String grade) {

        public BulkRequest(BulkAction action, List<String> taskIds, LocalDate dueOn, Instant dueAt, String unitId,
                           String reason, String comment, String message) {
            this(action, taskIds, dueOn, dueAt, unitId, reason, comment, message, null);
        }
    }

    /** What became of one step of a bulk action: done, or refused ({@code refusal}: the refusal's kind) and why. */
    public record BulkOutcome(String taskId, boolean done, String refusal, String field, String detail) {
    }

    /** The coordinator moves a step's deadline, with a reason; the original deadline stays on record. */
    public void extend(ExpoFlowUser user, String taskId, ExtendRequest request) {
        rules.check(request);
        TaskSummary task = visible.summary(user, taskId);
        Instant newDueAt = deadlines.of(request.dueOn(), request.dueAt());
        if (newDueAt == null) {
            throw refusals.invalid("dueOn", "deadlineMissing");
        }
        engine.extend(new ExtendDeadline(taskId, acting.currentActor(), newDueAt, request.reason(), clock.instant()),
                !task.isOfficeStep() && task.supervisedTaskId() == null);
    }

    /** The coordinator hands a unit's step to another unit of the expo, which does it from now on. */
    public void reassign(ExpoFlowUser user, String taskId, ReassignRequest request) {
        rules.check(request);
        TaskSummary task = visible.summary(user, taskId);
        expos.requireEnrolled(task.directive().expoId(), request.unitId());
        engine.reassign(new ReassignTask(taskId, acting.currentActor(), request.unitId(), request.reason()), task.candidateGroup());
    }

    /** The coordinator asks another unit of the expo to co-operate: it may report on and complete the step too. */
    public void addCooperatingUnit(ExpoFlowUser user, String taskId, CooperatingUnitRequest request) {
        rules.check(request);
        TaskSummary task = visible.summary(user, taskId);
        expos.requireEnrolled(task.directive().expoId(), request.unitId());
        engine.addCooperatingUnit(new AddCooperatingUnit(taskId, acting.currentActor(), request.unitId()));
    }

    /**
     * The office chases a unit up on an overdue step (or answers a chase-up waiting in its list, by that task's
     * id): the chase-up its deadline's supervision waits for is done with the message, which the unit then
     * acknowledges. A step not overdue, or already chased up and not yet overdue again, has none waiting.
     */
    public void chaseUp(ExpoFlowUser user, String taskId, ChaseUpRequest request) {
        check(request);
        TaskSummary task = visible.summary(user, taskId);
        String chaseUpTaskId = DeadlineSupervision.CHASE_UP_STEP.equals(task.step().stepKey()) && task.isActive() ? taskId
                : engine.chaseUpWaiting(taskId).orElseThrow(() -> refusals.conflict("noChaseUpWaiting"));
        unitWork.complete(user, chaseUpTaskId, new UnitStepWork.CompleteRequest(Map.of("message", request.message().strip(),
                "grade", grade(request.grade()).name()), null, null, null));
    }

    private void check(ChaseUpRequest request) {
        rules.check(request);
        grade(request.grade());
    }

    /** The grade asked for: none is a 督办; one not known is refused naming {@code grade} and the grades there are. */
    private ChaseUpGrade grade(String given) {
        if (given == null || given.isBlank()) {
            return ChaseUpGrade.DEFAULT;
        }
        try {
            return ChaseUpGrade.valueOf(given.strip());
        } catch (IllegalArgumentException e) {
            throw refusals.invalid("grade", "chaseUpGradeUnknown", given, "URGE, SUPERVISE, NOTIFY");
        }
    }

    /**
     * The coordinator's action on many steps in one request. The request as a whole is checked first (the
     * action's own fields, a unit that is not registered): a bad one is refused naming its field and nothing is
     * written. Then each step is done on its own, exactly as one by one: a step refused (closed meanwhile, not a
     * review, another expo's unit) is reported and does not stop the others. Each step is its own transaction, or,
     * inside the transaction of an {@code Idempotency-Key}, its own savepoint: a refused step's work is rolled back
     * to it, and the steps done commit together with the key's answer (docs/adr/0028).
     */
    public List<BulkOutcome> bulk(ExpoFlowUser user, BulkRequest request) {
        rules.check(request);
        switch (request.action()) {
            case EXTEND -> {
                rules.check(new ExtendRequest(request.dueOn(), request.dueAt(), request.reason()));
                if (deadlines.of(request.dueOn(), request.dueAt()) == null) {
                    throw refusals.invalid("dueOn", "deadlineMissing");
                }
            }
            case REASSIGN -> {
                rules.check(new ReassignRequest(request.unitId(), request.reason()));
                if (register.find(request.unitId()).isEmpty()) {
                    throw refusals.invalid("unitId", "unitNotRegistered", request.unitId());
                }
            }
            case APPROVE -> rules.check(new UnitStepWork.CompleteRequest(null, null, ReviewDecision.APPROVE, request.comment()));
            case CHASE_UP -> check(new ChaseUpRequest(request.message(), request.grade()));
            case APPROVE_EXTENSION, REFUSE_EXTENSION -> extensionRequests.check(extensionDecision(request));
        }
        return request.taskIds().stream().distinct().map(taskId -> {
            try {
                eachStep.executeWithoutResult(status -> act(user, taskId, request));
                return new BulkOutcome(taskId, true, null, null, null);
            } catch (DomainRuleViolation refused) {
                return new BulkOutcome(taskId, false, refused.kind().name(), refused.field(), refusals.sentence(refused));
            } catch (RuntimeException failed) {
                if (!StepEngine.isRace(failed)) {
                    throw failed;
                }
                return new BulkOutcome(taskId, false, DomainRuleViolation.Kind.CONFLICT.name(), null,
                        refusals.text("changedMeanwhile"));
            }
        }).toList();
    }

    private void act(ExpoFlowUser user, String taskId, BulkRequest request) {
        switch (request.action()) {
            case EXTEND -> extend(user, taskId, new ExtendRequest(request.dueOn(), request.dueAt(), request.reason()));
            case REASSIGN -> reassign(user, taskId, new ReassignRequest(request.unitId(), request.reason()));
            case APPROVE -> unitWork.complete(user, taskId,
                    new UnitStepWork.CompleteRequest(null, null, ReviewDecision.APPROVE, request.comment()));
            case CHASE_UP -> chaseUp(user, taskId, new ChaseUpRequest(request.message(), request.grade()));
            case APPROVE_EXTENSION, REFUSE_EXTENSION -> extensionRequests.decide(user, taskId, extensionDecision(request));
        }
    }

    private static ExtensionRequests.Decision extensionDecision(BulkRequest request) {
        return new ExtensionRequests.Decision(request.action() == BulkAction.APPROVE_EXTENSION, request.comment());
    }
}
