package org.expoflow.workflow.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.expoflow.commands.api.task.AddAttachment;
import org.expoflow.commands.api.task.AddCooperatingUnit;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.DecideExtensionRequest;
import org.expoflow.commands.api.task.ExtendDeadline;
import org.expoflow.commands.api.task.ReassignTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one port through which the application changes and reads a step in the engine; it hides which way
 * a change goes in. A clerk's claim, release and completion go to the engine, whose listener turns them into
 * commands ({@link TaskLifecycleListener}); the office's extension, reassignment and co-operation, and an
 * attached file, send their command first, for the aggregate's veto, then change the engine. Each is one
 * transaction: the event is stored and the engine moved, or neither. A completion takes the form's answers as
 * the engine's variables, typed as the step's form declares them ({@link FormAnswers}), and a review's return of
 * the work to a step the unit did goes in the same way ({@link ReworkReturns}).
 */
@Component
public class StepEngine {

    /** The event store's unique key of an aggregate's events (V1): two writers of one aggregate's next event meet on it. */
    private static final String EVENT_STORE_SEQUENCE_KEY = "domain_event_entry_aggregate_sequence";

    private static final Logger log = LoggerFactory.getLogger(StepEngine.class);

    private final TaskService taskService;
    private final FormService formService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ActingContext acting;
    private final DeadlineSupervision supervision;
    private final TransactionTemplate transactions;
    private final ReworkReturns returns;

    public StepEngine(TaskService taskService, FormService formService, HistoryService historyService,
                      RuntimeService runtimeService, RepositoryService repositoryService, ActingContext acting,
                      DeadlineSupervision supervision, TransactionTemplate transactions) {
        this.taskService = taskService;
        this.formService = formService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.acting = acting;
        this.supervision = supervision;
        this.transactions = transactions;
        this.returns = new ReworkReturns(taskService, runtimeService, historyService, repositoryService);
    }

    /** A step of the unit a review may return the work to: its key and its name in the model. */
    public record ReturnTarget(String stepKey, String name) {
    }

    /** The step was completed or removed between reading it and completing it. */
    public static final class StepGone extends RuntimeException {
        StepGone(Throwable cause) {
            super("the step is no longer open", cause);
        }
    }

    /** The step is still open, but the engine could not complete it: a value its model needs is missing (logged). */
    public static final class StepNotCompletable extends RuntimeException {
        StepNotCompletable(String taskId) {
            super("step " + taskId + " could not be completed: a value its model needs is missing (logged)");
        }
    }

    /** The engine's form validation refused a field: the first it found, by id, with the rule and its setting. */
    public static final class FieldRefused extends RuntimeException {
        private final String fieldId;
        private final String rule;
        private final transient Object config;
        private final transient Map<String, Object> submitted;

        FieldRefused(FormFieldValidatorException refused, Map<String, Object> submitted) {
            super(refused.getMessage(), refused);
            this.fieldId = refused.getId();
            this.rule = refused.getName() == null ? "other" : refused.getName();
            this.config = refused.getConfig();
            this.submitted = Collections.unmodifiableMap(new HashMap<>(submitted));
        }

        /** The variables the form was submitted with, as the engine took them. */
        public Map<String, Object> submitted() {
            return submitted;
        }

        public String fieldId() {
            return fieldId;
        }

        public String rule() {
            return rule;
        }

        public Object config() {
            return config;
        }
    }

    /** A file attached to a step, without its content. */
    public record StepAttachment(String id, String name, String contentType, Instant addedAt) {
    }

    /** A file attached to a step, with its content. */
    public record StoredFile(String name, String contentType, byte[] content) {
    }

    public void claim(String taskId, String username) {
        inRace(() -> taskService.claim(taskId, username));
    }

    public void release(String taskId) {
        inRace(() -> taskService.setAssignee(taskId, null));
    }

    /** Two people taking one step at once: the other won, and the loser is told so in words, not by the engine. */
    private static void inRace(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException failed) {
            if (isRace(failed)) {
                throw DomainRuleViolation.conflict("someone else changed this step at the same moment").coded("changedMeanwhile");
            }
            throw failed;
        }
    }

    /**
     * Completes the step with the form's answers, read by {@code answers} inside the engine's transaction (a
     * clerk's completion is the write the province makes most: a transaction less is two statements less).
     * Refusals of the answers (a field the form lacks, a figure as a value, a fraction for a whole number, a
     * decision on a step that is no review) name the field.
     *
     * @throws StepGone when the step closed meanwhile
     * @throws FieldRefused when the engine's validation refused a field
     */
    public void complete(String taskId, Supplier<FormAnswers> answers) {
        boolean[] answered = new boolean[1];
        Map<String, Object> variables = new HashMap<>();
        try {
            transactions.executeWithoutResult(status -> {
                FormAnswers given = answers.get();
                answered[0] = true;
                Map<String, Object> taskFigures = new HashMap<>();
                given.into(variables, taskFigures);
                if (!taskFigures.isEmpty()) {
                    taskService.setVariablesLocal(taskId, taskFigures);
                }
                if (given.returnTo() != null) {
                    returns.returnTo(open(taskId), given.returnTo(), variables);
                } else {
                    formService.submitTaskForm(taskId, variables);
                }
            });
        } catch (RuntimeException refused) {
            if (!answered[0]) {
                throw refused; // refused before the engine saw it, in the reader's words already
            }
            throw whyNotCompleted(taskId, refused, variables);
        }
    }

    /**
     * Why the engine did not complete a step: a field its validation refused; the step gone (completed meanwhile: no
     * such task now, or its aggregate already closed); or, the step still open, a value its model needs missing, no one's click, logged whole.
     */
    RuntimeException whyNotCompleted(String taskId, RuntimeException refused, Map<String, Object> variables) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidatorException invalid) {
                return new FieldRefused(invalid, variables);
            }
            if (cause instanceof RuntimeException failure && isRace(failure) || isEventStoreRace(cause)) {
                // another writer of the step was stored first: another click completed it, or the office changed it. Within
                // a caller's transaction (an Idempotency-Key's, a bulk action's savepoint) PostgreSQL answers nothing more
                // until it rolls back, so the engine is asked which only when the completion was a transaction of its own
                boolean askable = !TransactionSynchronizationManager.isActualTransactionActive();
                return askable && taskService.createTaskQuery().taskId(taskId).count() == 0 ? new StepGone(refused)
                        : DomainRuleViolation.conflict("someone else changed this step at the same moment").coded("changedMeanwhile");
            }
            if (cause instanceof DomainRuleViolation closed && "closed".equals(closed.code())) {
                // the other click's completion committed between this engine's read of the step and the step's own
                return new StepGone(refused);
            }
            if (cause instanceof NullValueException || cause instanceof NotFoundException) {
                if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                    return new StepGone(refused);
                }
                log.error("step {} is open, but the engine could not complete it: a value its model needs is missing", taskId, refused);
                return new StepNotCompletable(taskId);
            }
        }
        return refused;
    }

    /**
     * The steps a review may return the work to ({@link ReworkReturns}): the unit's steps done in the review's
     * process that lead to the review, in the order they were first done; none once the review is closed.
     */
    public List<ReturnTarget> returnTargets(String taskId) {
        Task review = taskService.createTaskQuery().taskId(taskId).singleResult();
        return review == null ? List.of() : returns.targets(review);
    }

    /**
     * Whether the event store refused a command's events because another transaction stored the aggregate's next
     * event first. In the engine's transaction Axon's {@link ConcurrencyException} is lost on PostgreSQL: the failed
     * insert aborts the transaction, and the engine, looking for an error handler for the task listener's exception,
     * meets the aborted transaction instead; the unique key's violation stays among the causes.
     */
    static boolean isEventStoreRace(Throwable failure) {
        return failure instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()) && sql.getMessage() != null
                && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains(EVENT_STORE_SEQUENCE_KEY);
    }

    /** Whether {@code failure} is two people changing one step at once: the other's change won, this one wrote nothing. */
    public static boolean isRace(RuntimeException failure) {
        return failure instanceof TaskAlreadyClaimedException || failure instanceof OptimisticLockingException
                || failure instanceof ConcurrencyException;
    }

    /** The values the step holds already, for naming every field at fault after a refusal. */
    public Map<String, Object> heldValues(String taskId) {
        return taskService.getVariables(taskId);
    }

    /** The office moves a step's deadline: the command first, then the step's due date and its deadline's timers. */
    public void extend(ExtendDeadline command, boolean watched) {
        transactions.executeWithoutResult(status -> {
            acting.send(command);
            moveDeadline(command.taskId(), command.dueAt(), watched);
        });
    }

    /**
     * The office decides a unit's request for a later deadline: the command first; approved, the step's deadline
     * moves exactly as by {@link #extend} to the date of the request the command decided, as the step answers it in
     * this transaction (not a date read before: that request may have been refused and another asked meanwhile).
     */
    public void decideExtension(DecideExtensionRequest command, boolean watched) {
        transactions.executeWithoutResult(status -> {
            Instant inForce = acting.send(command);
            if (command.approve()) {
                moveDeadline(command.taskId(), inForce, watched);
            }
        });
    }

    /**
     * The step's due date and its deadline's timers follow a new deadline. On a unit's step ({@code watched}) it is the
     * unit's deadline that moved: its later steps, and a step redone after a return, take their dates from the unit's
     * process ({@code dueAt}), which holds the new one too; moved on the step alone, a return undid an extension.
     */
    private void moveDeadline(String taskId, Instant dueAt, boolean watched) {
        Task engineTask = open(taskId);
        engineTask.setDueDate(Date.from(dueAt));
        taskService.saveTask(engineTask);
        supervision.stop(runtimeService, taskId, "deadline extended");
        if (watched) {
            supervision.watch(runtimeService, new DeadlineSupervision.WatchedStep(taskId, dueAt,
                    processOf(engineTask.getProcessDefinitionId())));
            runtimeService.setVariable(engineTask.getProcessInstanceId(), DirectiveProcessVariables.DUE_AT, dueAt.toString());
        }
    }

    /** The office hands a step from {@code fromGroup} to another unit: the command first, then the step's group. */
    public void reassign(ReassignTask command, String fromGroup) {
        transactions.executeWithoutResult(status -> {
            acting.send(command);
            Task engineTask = open(command.taskId());
            taskService.deleteCandidateGroup(command.taskId(), fromGroup);
            taskService.addCandidateGroup(command.taskId(), command.unitId());
            if (engineTask.getAssignee() != null) {
                taskService.setAssignee(command.taskId(), null);
            }
            supervision.handOver(runtimeService, command.taskId(), command.unitId());
        });
    }

    /** The office asks another unit to co-operate: the command first, then the step's groups. */
    public void addCooperatingUnit(AddCooperatingUnit command) {
        transactions.executeWithoutResult(status -> {
            acting.send(command);
            open(command.taskId());
            taskService.addCandidateGroup(command.taskId(), command.unitId());
        });
    }

    /** A file kept with the step, and recorded on it; the attachment's id. */
    public String attach(String taskId, String name, String contentType, byte[] content) {
        return transactions.execute(status -> {
            Task engineTask = open(taskId);
            Attachment attachment = taskService.createAttachment(contentType, taskId, engineTask.getProcessInstanceId(),
                    name, null, new ByteArrayInputStream(content));
            acting.send(new AddAttachment(taskId, acting.currentActor(), attachment.getId(), name, contentType, content.length));
            return attachment.getId();
        });
    }

    public List<StepAttachment> attachments(String taskId) {
        return taskService.getTaskAttachments(taskId).stream()
                .map(a -> new StepAttachment(a.getId(), a.getName(), a.getType(),
                        a.getCreateTime() == null ? null : a.getCreateTime().toInstant()))
                .toList();
    }

    public Optional<StoredFile> attachment(String taskId, String attachmentId) {
        Attachment attachment = taskService.getTaskAttachment(taskId, attachmentId);
        if (attachment == null) {
            return Optional.empty();
        }
        try (InputStream content = taskService.getTaskAttachmentContent(taskId, attachmentId)) {
            return Optional.of(new StoredFile(attachment.getName(), attachment.getType(),
                    content == null ? new byte[0] : content.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chase-up waiting for the office on a step's deadline, if one waits. */
    public Optional<String> chaseUpWaiting(String taskId) {
        return supervision.chaseUpWaiting(taskService, taskId);
    }

    /** The step of a unit's process in the directive that is open now; its task's id. */
    public String openStepOf(String directiveId, String unitId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(DirectiveProcessVariables.businessKey(directiveId, unitId))
                .singleResult().getId();
    }

    /**
     * Completes a step with its form's values as the engine's own form API takes them, as Tasklist and
     * {@code /engine-rest} submit them: checked by the form's rules in the engine and turned into commands by its
     * listener, without {@link #complete}'s reading of a person's answers.
     */
    public void submitForm(String taskId, Map<String, Object> values) {
        formService.submitTaskForm(taskId, values);
    }

    /** The kind's version a step ran on, from the engine's history (for a step the task list recorded without it). */
    public Optional<String> processDefinitionOf(String taskId) {
        return Optional.ofNullable(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult())
                .map(HistoricTaskInstance::getProcessDefinitionId);
    }

    private Task open(String taskId) {
        Task engineTask = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (engineTask == null) {
            throw DomainRuleViolation.conflict("task " + taskId + " is no longer open").coded("noLongerOpen");
        }
        return engineTask;
    }

    private Process processOf(String processDefinitionId) {
        String key = repositoryService.getProcessDefinition(processDefinitionId).getKey();
        return repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(key);
    }
}
