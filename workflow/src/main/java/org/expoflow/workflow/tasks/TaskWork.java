package org.expoflow.workflow.tasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.expoflow.commands.api.AddAttachment;
import org.expoflow.commands.api.AddCooperatingUnit;
import org.expoflow.commands.api.CommentOnTask;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.ExtendDeadline;
import org.expoflow.commands.api.Figure;
import org.expoflow.commands.api.ReassignTask;
import org.expoflow.commands.api.ReportProgress;
import org.expoflow.commands.api.ReviewDecision;
import org.expoflow.projections.api.FindTask;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.TaskDetail;
import org.expoflow.projections.api.TaskHistoryEntry;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.application.ProvinceDeadlines;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.DeadlineSupervision;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The work on a unit's step, whichever door it comes in by (the REST API, a page): a step is listed and
 * read by those who may see it; a clerk of its unit (or a co-operating unit) claims it, reports progress
 * with figures, attaches photos and documents, and completes it with the values its form asks for; on a
 * review step the office completes it with a decision, sending it back or approving it; meanwhile the
 * coordinator may extend its deadline, hand it to another unit, or ask another unit to co-operate.
 * <p>
 * Each use case checks the request's rules once ({@link RequestRules}), does its engine change and sends
 * its command in one transaction, and answers once the read models show it, so the next read anywhere sees
 * it. Every change to a step goes one way: an engine change its listeners turn into the command (claim,
 * unclaim, complete), or the command first, the aggregate's veto, and then the engine (extend, reassign,
 * co-operate, attach). The engine's own REST API allows none of the latter ({@code EngineRestAllowList}),
 * so the engine and the events cannot drift apart.
 */
@Service
public class TaskWork {

    private static final Set<String> ATTACHABLE = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");
    private static final Pattern SORT_KEYS = Pattern.compile("-?(dueAt|assignedAt|unitId|status)");

    private final ActingContext acting;
    private final QueryGateway queries;
    private final TaskService taskService;
    private final FormService formService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final DirectiveKindCatalogue kinds;
    private final TransactionTemplate transactions;
    private final DeadlineSupervision supervision;
    private final Clock clock;
    private final ProvinceDeadlines deadlines;
    private final RequestRules rules;
    private final ExpoWork expos;
    private final UnitRegister register;
    private final KindTexts texts;
    private final Refusals refusals;

    public TaskWork(ActingContext acting, QueryGateway queries, TaskService taskService,
                    FormService formService, HistoryService historyService, RuntimeService runtimeService,
                    DirectiveKindCatalogue kinds, TransactionTemplate transactions, DeadlineSupervision supervision,
                    Clock clock, ProvinceDeadlines deadlines, RequestRules rules, ExpoWork expos,
                    UnitRegister register, KindTexts texts, Refusals refusals) {
        this.acting = acting;
        this.queries = queries;
        this.taskService = taskService;
        this.formService = formService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.kinds = kinds;
        this.transactions = transactions;
        this.supervision = supervision;
        this.clock = clock;
        this.deadlines = deadlines;
        this.rules = rules;
        this.expos = expos;
        this.register = register;
        this.texts = texts;
        this.refusals = refusals;
    }

    public record ProgressRequest(@NotNull @Min(0) @Max(100) Integer percent, @Size(max = 4000) String note,
                                  @Size(max = 4000) String problems, @Size(max = 4000) String suggestions,
                                  Map<String, @NotNull @PositiveOrZero BigDecimal> figures) {
    }

    /** {@code dueOn} is the new last day (province time), {@code dueAt} a precise instant and wins. */
    public record ExtendRequest(LocalDate dueOn, Instant dueAt, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ReassignRequest(@NotBlank @Size(max = 64) String unitId, @NotBlank @Size(max = 2000) String reason) {
    }

    public record CooperatingUnitRequest(@NotBlank @Size(max = 64) String unitId) {
    }

    public record CompleteRequest(Map<String, @Size(max = 4000) String> values,
                                  Map<String, @NotNull @PositiveOrZero BigDecimal> figures,
                                  ReviewDecision decision, @Size(max = 2000) String comment) {
    }

    /** A task with what its step asks for. */
    public record TaskView(@JsonUnwrapped TaskSummary summary, String instructions, String latestNote,
                           String latestProblems, String latestSuggestions, String decision, String decisionComment,
                           List<StepForm.Field> formFields, List<TaskHistoryEntry> history) {
    }

    /** What a file attached to a task is, without its content; who attached it is in the task's history. */
    public record AttachmentView(String id, String name, String contentType, Instant addedAt) {
    }

    /** A file as the clerk sent it: its name, the type it declares, its bytes. */
    public record AttachedFile(String name, String contentType, byte[] content) {
    }

    /** A file attached to a task, with its content. */
    public record AttachmentFile(String name, String contentType, byte[] content) {
    }

    /** What the office does to many steps at once. */
    public enum BulkAction { EXTEND, REASSIGN, APPROVE, CHASE_UP }

    /** The office's chase-up (督办) of an overdue step: what the unit is expected to do, and by when. */
    public record ChaseUpRequest(@NotBlank @Size(max = 2000) String message) {
    }

    /**
     * One office action on many steps: {@code EXTEND} to {@code dueOn} (or {@code dueAt}) with a
     * {@code reason}; {@code REASSIGN} to {@code unitId} with a {@code reason}; {@code APPROVE} review steps,
     * with an optional {@code comment}; {@code CHASE_UP} overdue steps with a {@code message}.
     */
    public record BulkRequest(@NotNull BulkAction action, @NotEmpty @Size(max = 200) List<@NotBlank String> taskIds,
                              LocalDate dueOn, Instant dueAt, @Size(max = 64) String unitId,
                              @Size(max = 2000) String reason, @Size(max = 2000) String comment,
                              @Size(max = 2000) String message) {
    }

    /** What became of one step of a bulk action: done, or refused ({@code refusal}: the refusal's kind) and why. */
    public record BulkOutcome(String taskId, boolean done, String refusal, String field, String detail) {
    }

    /** A form value with its field's label, as the step's form names it. */
    public record LabelledValue(String label, String value) {
    }

    /**
     * What a unit did on one of its steps, as the office reviews it: the values it completed the step with, its
     * figures, its latest progress report and the files it attached.
     */
    public record SubmittedStep(String taskId, String stepKey, String stepName, TaskStatus status, Instant closedAt, int percent,
                                List<LabelledValue> values, Map<String, BigDecimal> figures, String latestNote,
                                String latestProblems, String latestSuggestions, List<AttachmentView> attachments) {
    }

    /** A comment on a step; with {@code instruction}, a leader's instruction (批示). */
    public record CommentRequest(@NotBlank @Size(max = 2000) String text, boolean instruction) {
    }

    /** One comment of a step's thread, as it was written. */
    public record Comment(Instant at, String author, String text, boolean instruction) {
    }

    /** Tasks as the lists show them; a city user sees only its own unit's. */
    public TaskPage list(ExpoFlowUser user, String expoId, String unitId, String status, String directiveId,
                         Boolean overdue, int page, int size, String sort) {
        if (user.isCity()) {
            if (unitId != null && !unitId.equals(user.unitId())) {
                throw new AccessDeniedException(refusals.text("taskOfAnotherUnit"));
            }
            unitId = user.unitId();
        }
        if (status != null && !status.equals("ACTIVE")) {
            try {
                TaskStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw DomainRuleViolation.invalid("status", "status is one of ACTIVE, OPEN, CLAIMED, COMPLETED, CANCELLED, WITHDRAWN")
                        .coded("taskStatusUnknown", status);
            }
        }
        if (sort != null && !SORT_KEYS.matcher(sort).matches()) {
            throw DomainRuleViolation.invalid("sort", "sort by dueAt, assignedAt, unitId or status, with a leading - for descending")
                    .coded("taskSort", sort);
        }
        return queries.query(new FindTasks(expoId, unitId, status, directiveId, overdue, page, size, sort), TaskPage.class).join();
    }

    /** A task with its form fields and its history. */
    public TaskView view(ExpoFlowUser user, String taskId) {
        TaskDetail detail = queries.query(new FindTask(taskId), TaskDetail.class).join();
        requireVisible(user, taskId, detail == null ? null : detail.summary());
        TaskSummary summary = detail.summary();
        return new TaskView(summary, detail.instructions(), detail.latestNote(), detail.latestProblems(),
                detail.latestSuggestions(), detail.decision(), detail.decisionComment(), fieldsToShow(summary),
                detail.history());
    }

    /**
     * The form fields a step is shown with. A closed step recorded before its kind's version was kept in the task
     * list, whose engine history has since been cleaned up (a kind's history lives for its time to live), is shown
     * with its history and without its form rather than not at all.
     */
    private List<StepForm.Field> fieldsToShow(TaskSummary task) {
        Optional<StepForm> form = knownForm(task);
        if (form.isEmpty() && task.isActive()) {
            throw engineForgot(task);
        }
        return form.map(StepForm::fields).orElse(List.of());
    }

    /**
     * For the office's review of a unit's work, what the unit submitted: each of its own steps on the directive
     * (not the reviews, not the chase-ups), oldest first, with the values, figures, reports and files; nothing
     * for a unit's own step.
     */
    public List<SubmittedStep> submittedWork(ExpoFlowUser user, String taskId) {
        TaskSummary review = visibleSummary(user, taskId);
        if (!review.isOfficeStep()) {
            return List.of();
        }
        List<TaskSummary> steps = queries.query(new FindTasks(null, review.unitId(), null, review.directiveId(), null, 0,
                200, "assignedAt"), TaskPage.class).join().items().stream()
                .filter(step -> !step.isOfficeStep() && step.supervisedTaskId() == null && step.unitId().equals(review.unitId()))
                .toList();
        return steps.stream().map(step -> {
            TaskDetail detail = queries.query(new FindTask(step.id()), TaskDetail.class).join();
            Map<String, String> labels = new HashMap<>();
            fieldsToShow(step).forEach(field -> labels.put(field.id(), texts.field(step.kind(), field.id(), field.label())));
            List<LabelledValue> values = new java.util.ArrayList<>();
            Map<String, BigDecimal> figures = step.latestFigures() == null ? Map.of() : step.latestFigures();
            detail.history().stream().filter(entry -> entry.type().equals("TaskCompleted")).reduce((first, last) -> last)
                    .map(completed -> completed.details().get("values"))
                    .filter(Map.class::isInstance).map(Map.class::cast)
                    .ifPresent(completedValues -> completedValues.forEach((id, value) -> values.add(
                            new LabelledValue(labels.getOrDefault(String.valueOf(id), String.valueOf(id)), String.valueOf(value)))));
            return new SubmittedStep(step.id(), step.stepKey(), step.stepName(), step.status(), step.closedAt(), step.percent(), values,
                    figures, detail.latestNote(), detail.latestProblems(), detail.latestSuggestions(),
                    attachmentsOf(step.id()));
        }).toList();
    }

    /** Adds to a step's comment thread: those who see the step may write; a leader may instruct. */
    public void comment(ExpoFlowUser user, String taskId, CommentRequest request) {
        rules.check(request);
        visibleSummary(user, taskId);
        acting.send(new CommentOnTask(taskId, acting.currentActor(), request.text(), request.instruction()));
    }

    /** A step's comments and instructions, oldest first. */
    public List<Comment> comments(ExpoFlowUser user, String taskId) {
        visibleSummary(user, taskId);
        return commentsIn(queries.query(new FindTask(taskId), TaskDetail.class).join().history());
    }

    /** The comments and instructions among a step's history: a page that has read the history reads them there. */
    public static List<Comment> commentsIn(List<TaskHistoryEntry> history) {
        return history.stream().filter(entry -> entry.type().equals("TaskCommented"))
                .map(entry -> new Comment(entry.at(), String.valueOf(entry.details().get("author")),
                        String.valueOf(entry.details().get("text")), Boolean.TRUE.equals(entry.details().get("instruction"))))
                .toList();
    }

    public void claim(ExpoFlowUser user, String taskId) {
        visibleSummary(user, taskId);
        taskService.claim(taskId, user.getUsername());
    }

    public void unclaim(ExpoFlowUser user, String taskId) {
        visibleSummary(user, taskId);
        taskService.setAssignee(taskId, null);
    }

    /** A progress report changes no process state: it goes straight to the task. */
    public void reportProgress(ExpoFlowUser user, String taskId, ProgressRequest request) {
        rules.check(request);
        TaskSummary task = visibleSummary(user, taskId);
        Map<String, BigDecimal> figures = request.figures() == null ? Map.of() : request.figures();
        checkFiguresOfKind(task, figures);
        acting.send(new ReportProgress(taskId, acting.currentActor(), request.percent(), request.note(), request.problems(),
                request.suggestions(), figures));
    }

    /**
     * The step's form submitted to the engine: values go to its fields, figures to theirs (or, when the step
     * has no field for a figure the kind collects, to the task); a review step takes a decision and comment.
     * The step is read in the engine's transaction, not one of its own before it: a clerk's completion is
     * the write the province makes most, and a transaction less is two statements less for each.
     */
    public void complete(ExpoFlowUser user, String taskId, CompleteRequest request) {
        rules.check(request);
        // what was submitted, kept for naming the fields at fault once the transaction has rolled back
        StepSubmission[] submitted = new StepSubmission[1];
        try {
            transactions.executeWithoutResult(status -> {
                submitted[0] = submission(user, taskId, request);
                if (!submitted[0].taskFigures().isEmpty()) {
                    taskService.setVariablesLocal(taskId, submitted[0].taskFigures());
                }
                formService.submitTaskForm(taskId, submitted[0].variables());
            });
        } catch (RuntimeException refused) {
            StepSubmission submission = submitted[0];
            if (submission == null) {
                throw refused; // refused before the engine saw it, in the reader's words already
            }
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                if (cause instanceof NullValueException || cause instanceof NotFoundException) {
                    // the task was open when read a moment ago: another click completed it in between
                    throw refusals.conflict("completedMeanwhile");
                }
            }
            throw namingTheFields(refused, submission.task(), submission.form(), submission.variables());
        }
    }

    /** A completion as the engine takes it: the step's variables, and the figures kept on the task itself. */
    private record StepSubmission(TaskSummary task, StepForm form, Map<String, Object> variables,
                                  Map<String, Object> taskFigures) {
    }

    private StepSubmission submission(ExpoFlowUser user, String taskId, CompleteRequest request) {
        TaskSummary task = visibleSummary(user, taskId);
        if (task.status() != TaskStatus.OPEN && task.status() != TaskStatus.CLAIMED) {
            throw refusals.conflict("taskClosed", refusals.word("status." + task.status().name(), task.status().name()));
        }
        StepForm form = form(task);
        Map<String, BigDecimal> figures = request.figures() == null ? Map.of() : request.figures();
        Map<String, String> values = request.values() == null ? Map.of() : request.values();
        checkFiguresOfKind(task, figures);
        Map<String, Object> variables = new HashMap<>();
        Map<String, Object> taskFigures = new HashMap<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            StepForm.Field field = field(form, value.getKey())
                    .orElseThrow(() -> refusals.invalid("values." + value.getKey(), "noSuchField", value.getKey()));
            if (field.isFigure()) {
                throw refusals.invalid("values." + value.getKey(), "figureAsValue", figureName(value.getKey()));
            }
            variables.put(field.id(), value.getValue());
        }
        figures.forEach((key, number) -> field(form, key).ifPresentOrElse(
                field -> variables.put(key, typed(field, number)),
                () -> taskFigures.put(key, number.stripTrailingZeros().toPlainString())));
        if (request.decision() != null || request.comment() != null) {
            if (!form.isReview()) {
                throw refusals.invalid("decision", "notAReview");
            }
            if (request.decision() != null) {
                variables.put(StepForm.DECISION, request.decision().name());
            }
            if (request.comment() != null) {
                variables.put(StepForm.COMMENT, request.comment());
            }
        }
        return new StepSubmission(task, form, variables, taskFigures);
    }

    /** The coordinator moves a step's deadline, with a reason; the original deadline stays on record. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public void extend(ExpoFlowUser user, String taskId, ExtendRequest request) {
        rules.check(request);
        TaskSummary task = visibleSummary(user, taskId);
        Instant newDueAt = deadlines.of(request.dueOn(), request.dueAt());
        if (newDueAt == null) {
            throw refusals.invalid("dueOn", "deadlineMissing");
        }
        transactions.executeWithoutResult(status -> {
            acting.send(new ExtendDeadline(taskId, acting.currentActor(), newDueAt, request.reason(), clock.instant()));
            Task engineTask = openEngineTask(taskId);
            engineTask.setDueDate(Date.from(newDueAt));
            taskService.saveTask(engineTask);
            supervision.stop(runtimeService, taskId, "deadline extended");
            if (!task.isOfficeStep() && task.supervisedTaskId() == null) {
                supervision.watch(runtimeService, new DeadlineSupervision.WatchedStep(taskId, newDueAt,
                        kinds.processOf(engineTask.getProcessDefinitionId())));
            }
        });
    }

    /** The coordinator hands a unit's step to another unit of the expo, which does it from now on. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public void reassign(ExpoFlowUser user, String taskId, ReassignRequest request) {
        rules.check(request);
        TaskSummary task = visibleSummary(user, taskId);
        expos.requireEnrolled(task.expoId(), request.unitId());
        transactions.executeWithoutResult(status -> {
            acting.send(new ReassignTask(taskId, acting.currentActor(), request.unitId(), request.reason()));
            Task engineTask = openEngineTask(taskId);
            taskService.deleteCandidateGroup(taskId, task.candidateGroup());
            taskService.addCandidateGroup(taskId, request.unitId());
            if (engineTask.getAssignee() != null) {
                taskService.setAssignee(taskId, null);
            }
            supervision.handOver(runtimeService, taskId, request.unitId());
        });
    }

    /** The coordinator asks another unit of the expo to co-operate: it may report on and complete the step too. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public void addCooperatingUnit(ExpoFlowUser user, String taskId, CooperatingUnitRequest request) {
        rules.check(request);
        TaskSummary task = visibleSummary(user, taskId);
        expos.requireEnrolled(task.expoId(), request.unitId());
        transactions.executeWithoutResult(status -> {
            acting.send(new AddCooperatingUnit(taskId, acting.currentActor(), request.unitId()));
            openEngineTask(taskId);
            taskService.addCandidateGroup(taskId, request.unitId());
        });
    }

    /**
     * The office chases a unit up on an overdue step (or answers a chase-up waiting in its list, by that task's
     * id): the chase-up its deadline's supervision waits for is done with the message, which the unit then
     * acknowledges. A step not overdue, or already chased up and not yet overdue again, has none waiting.
     */
    @PreAuthorize("hasRole('COORDINATOR')")
    public void chaseUp(ExpoFlowUser user, String taskId, ChaseUpRequest request) {
        rules.check(request);
        TaskSummary task = visibleSummary(user, taskId);
        String chaseUpTaskId = DeadlineSupervision.CHASE_UP_STEP.equals(task.stepKey()) && task.isActive() ? taskId
                : supervision.chaseUpWaiting(taskService, taskId).orElseThrow(() -> refusals.conflict("noChaseUpWaiting"));
        complete(user, chaseUpTaskId, new CompleteRequest(Map.of("message", request.message().strip()), null, null, null));
    }

    /**
     * The coordinator's action on many steps in one request. The request as a whole is checked first (the
     * action's own fields, a unit that is not registered): a bad one is refused naming its field and nothing is
     * written. Then each step is done on its own, in its own transaction, exactly as one by one: a step
     * refused (closed meanwhile, not a review, another expo's unit) is reported and does not stop the others.
     */
    @PreAuthorize("hasRole('COORDINATOR')")
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
            case APPROVE -> rules.check(new CompleteRequest(null, null, ReviewDecision.APPROVE, request.comment()));
            case CHASE_UP -> rules.check(new ChaseUpRequest(request.message()));
        }
        return request.taskIds().stream().distinct().map(taskId -> {
            try {
                switch (request.action()) {
                    case EXTEND -> extend(user, taskId, new ExtendRequest(request.dueOn(), request.dueAt(), request.reason()));
                    case REASSIGN -> reassign(user, taskId, new ReassignRequest(request.unitId(), request.reason()));
                    case APPROVE -> complete(user, taskId, new CompleteRequest(null, null, ReviewDecision.APPROVE, request.comment()));
                    case CHASE_UP -> chaseUp(user, taskId, new ChaseUpRequest(request.message()));
                }
                return new BulkOutcome(taskId, true, null, null, null);
            } catch (DomainRuleViolation refused) {
                return new BulkOutcome(taskId, false, refused.kind().name(), refused.field(), refusals.sentence(refused));
            } catch (TaskAlreadyClaimedException | OptimisticLockingException | ConcurrencyException raced) {
                return new BulkOutcome(taskId, false, DomainRuleViolation.Kind.CONFLICT.name(), null,
                        refusals.text("changedMeanwhile"));
            }
        }).toList();
    }

    /**
     * A photo (JPEG, PNG, WebP) or a PDF attached to a step, checked to be what it declares; the new
     * attachment's id.
     */
    public String attach(ExpoFlowUser user, String taskId, AttachedFile file) {
        visibleSummary(user, taskId);
        if (file == null || file.content() == null || file.content().length == 0) {
            throw refusals.invalid("file", "attachFile");
        }
        String contentType = file.contentType() == null ? "" : file.contentType();
        if (!ATTACHABLE.contains(contentType)) {
            throw new AttachmentRefused(refusals.text("attachmentType", contentType));
        }
        String name = file.name() == null || file.name().isBlank() ? "attachment" : file.name().strip();
        if (name.length() > 200) {
            throw refusals.invalid("file", "fileNameTooLong");
        }
        if (!AttachmentContent.isWhatItDeclares(contentType, file.content())) {
            throw new AttachmentRefused(refusals.text("attachmentContent", contentType));
        }
        String attachmentId = transactions.execute(status -> {
            Task engineTask = openEngineTask(taskId);
            Attachment attachment = taskService.createAttachment(contentType, taskId, engineTask.getProcessInstanceId(),
                    name, null, new ByteArrayInputStream(file.content()));
            acting.send(new AddAttachment(taskId, acting.currentActor(), attachment.getId(), name, contentType,
                    file.content().length));
            return attachment.getId();
        });
        return attachmentId;
    }

    public List<AttachmentView> attachments(ExpoFlowUser user, String taskId) {
        visibleSummary(user, taskId);
        return attachmentsOf(taskId);
    }

    private List<AttachmentView> attachmentsOf(String taskId) {
        return taskService.getTaskAttachments(taskId).stream()
                .map(a -> new AttachmentView(a.getId(), a.getName(), a.getType(),
                        a.getCreateTime() == null ? null : a.getCreateTime().toInstant()))
                .toList();
    }

    public AttachmentFile attachment(ExpoFlowUser user, String taskId, String attachmentId) {
        visibleSummary(user, taskId);
        Attachment attachment = taskService.getTaskAttachment(taskId, attachmentId);
        if (attachment == null) {
            throw refusals.notFound("attachmentId", "noAttachment");
        }
        try (InputStream content = taskService.getTaskAttachmentContent(taskId, attachmentId)) {
            return new AttachmentFile(attachment.getName(), attachment.getType(),
                    content == null ? new byte[0] : content.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Task openEngineTask(String taskId) {
        Task engineTask = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (engineTask == null) {
            throw refusals.conflict("noLongerOpen");
        }
        return engineTask;
    }

    /**
     * The engine's form validation names the first field it refused; our answer names every field at fault, so
     * the clerk mends them all at once: to the API by their ids, to people by their labels with the rule in words.
     * Only a refused submission pays for looking at the others (and at the values the step already holds).
     */
    private RuntimeException namingTheFields(RuntimeException refused, TaskSummary task, StepForm form,
                                             Map<String, Object> submitted) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidatorException invalid) {
                DomainRuleViolation all = fieldRefusal(task, form, invalid.getId(),
                        invalid.getName() == null ? "other" : invalid.getName(), invalid.getConfig());
                boolean leftOutRequired = form.fields().stream()
                        .anyMatch(field -> field.required() && submitted.get(field.id()) == null);
                Map<String, Object> held = leftOutRequired ? taskService.getVariables(task.id()) : Map.of();
                for (StepForm.Fault fault : form.faultsOf(submitted, fieldId -> held.get(fieldId) != null)) {
                    if (!fault.fieldId().equals(invalid.getId())) {
                        all = all.and(fieldRefusal(task, form, fault.fieldId(), fault.rule(), fault.config()));
                    }
                }
                return all;
            }
        }
        return refused;
    }

    private DomainRuleViolation fieldRefusal(TaskSummary task, StepForm form, String fieldId, String rule, Object config) {
        String label = field(form, fieldId).map(field -> texts.field(task.kind(), field.id(), field.label())).orElse(fieldId);
        String sentence = List.of("required", "min", "max", "minlength", "maxlength", "readonly").contains(rule)
                ? refusals.text("formField." + rule, label, config)
                : refusals.text("formField.other", label, rule);
        return DomainRuleViolation.invalid(fieldId, sentence);
    }

    private String figureName(String key) {
        return refusals.word("figure." + key, key);
    }

    /** The task as the lists show it, for an action: its history is not read. */
    private TaskSummary visibleSummary(ExpoFlowUser user, String taskId) {
        TaskSummary task = queries.query(new FindTaskSummary(taskId), TaskSummary.class).join();
        requireVisible(user, taskId, task);
        return task;
    }

    private void requireVisible(ExpoFlowUser user, String taskId, TaskSummary task) {
        if (task == null) {
            throw refusals.notFound("taskId", "noTask");
        }
        if (user.isCity() && !task.unitId().equals(user.unitId()) && !task.candidateGroup().equals(user.unitId())
                && !task.cooperatingUnits().contains(user.unitId())) {
            throw new AccessDeniedException(refusals.text("taskOfAnotherUnit"));
        }
    }

    private StepForm form(TaskSummary task) {
        return knownForm(task).orElseThrow(() -> engineForgot(task));
    }

    /** The step's form, from the kind's version the task list keeps or, for a step recorded before, the engine's history. */
    private Optional<StepForm> knownForm(TaskSummary task) {
        if (task.processDefinitionId() != null) {
            return Optional.of(kinds.stepForm(task.processDefinitionId(), task.stepKey()));
        }
        return historic(task).map(step -> kinds.stepForm(step.getProcessDefinitionId(), step.getTaskDefinitionKey()));
    }

    private HistoricTaskInstance historicTask(TaskSummary task) {
        return historic(task).orElseThrow(() -> engineForgot(task));
    }

    private Optional<HistoricTaskInstance> historic(TaskSummary task) {
        return Optional.ofNullable(historyService.createHistoricTaskInstanceQuery().taskId(task.id()).singleResult());
    }

    private static DomainRuleViolation engineForgot(TaskSummary task) {
        return DomainRuleViolation.notFound("taskId", "the engine has no record of task " + task.id()).coded("noLongerOpen");
    }

    private static Optional<StepForm.Field> field(StepForm form, String id) {
        return form.fields().stream().filter(field -> field.id().equals(id)).findFirst();
    }

    /** A unit may report any figure its directive's kind collects, on any of its steps. */
    private void checkFiguresOfKind(TaskSummary task, Map<String, BigDecimal> figures) {
        if (figures.isEmpty()) {
            return;
        }
        DirectiveKind kind = kinds.kindOf(task.processDefinitionId() != null ? task.processDefinitionId()
                : historicTask(task).getProcessDefinitionId());
        List<String> collected = kind.figures();
        figures.forEach((key, number) -> {
            if (!collected.contains(key)) {
                throw refusals.invalid("figures." + key, "figureNotCollected", figureName(key));
            }
            if (!Figure.isStorable(number)) {
                throw refusals.invalid("figures." + key, "figureTooLarge", figureName(key));
            }
            boolean whole = kind.steps().stream().flatMap(step -> step.fields().stream())
                    .anyMatch(field -> field.id().equals(key) && "long".equals(field.type()));
            if (whole && number.stripTrailingZeros().scale() > 0) {
                throw refusals.invalid("figures." + key, "wholeNumber", figureName(key));
            }
        });
    }

    /** The engine's form types want a long for a {@code long} field and a double for a {@code double} one. */
    private Object typed(StepForm.Field field, BigDecimal number) {
        if ("long".equals(field.type())) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw refusals.invalid("figures." + field.id(), "wholeNumber", figureName(field.id()));
            }
        }
        if ("double".equals(field.type())) {
            return number.doubleValue();
        }
        return number.toPlainString();
    }
}
