package org.expoflow.workflow.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.expoflow.commands.api.AddAttachment;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.AddCooperatingUnit;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.Figure;
import org.expoflow.commands.api.ExtendDeadline;
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
import org.expoflow.projections.support.ProjectionCatchUp;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.DeadlineSupervision;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Task lists and the work on a task. Claim, unclaim and complete go through the engine (whose listener
 * issues the commands); a progress report changes no process state and goes straight to the task.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Task lists, and claiming, reporting on and completing tasks")
public class TaskController {

    private static final java.util.Set<String> ATTACHABLE = java.util.Set.of("image/jpeg", "image/png", "image/webp",
            "application/pdf");
    private static final java.util.regex.Pattern SORT_KEYS = java.util.regex.Pattern.compile("-?(dueAt|assignedAt|unitId|status)");

    private final ActingContext acting;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;
    private final TaskService taskService;
    private final FormService formService;
    private final HistoryService historyService;
    private final DirectiveKindCatalogue kinds;
    private final TransactionTemplate transactions;
    private final RuntimeService runtimeService;
    private final DeadlineSupervision supervision;
    private final Clock clock;
    private final ProvinceDeadlines deadlines;

    public TaskController(ActingContext acting, QueryGateway queries, ProjectionCatchUp catchUp, TaskService taskService,
                          FormService formService, HistoryService historyService, DirectiveKindCatalogue kinds,
                          TransactionTemplate transactions, RuntimeService runtimeService, DeadlineSupervision supervision,
                          Clock clock, ProvinceDeadlines deadlines) {
        this.runtimeService = runtimeService;
        this.supervision = supervision;
        this.clock = clock;
        this.deadlines = deadlines;
        this.acting = acting;
        this.queries = queries;
        this.catchUp = catchUp;
        this.taskService = taskService;
        this.formService = formService;
        this.historyService = historyService;
        this.kinds = kinds;
        this.transactions = transactions;
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

    @GetMapping
    @Operation(summary = "List tasks; a city user sees only its own unit's")
    public TaskPage list(@AuthenticationPrincipal ExpoFlowUser user,
                         @RequestParam(required = false) String expoId,
                         @RequestParam(required = false) String unitId,
                         @RequestParam(required = false) String status,
                         @RequestParam(required = false) String directiveId,
                         @RequestParam(required = false) Boolean overdue,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                         @RequestParam(required = false) String sort) {
        if (user.isCity()) {
            if (unitId != null && !unitId.equals(user.unitId())) {
                throw new AccessDeniedException("a city user sees only the tasks of its own unit, " + user.unitId());
            }
            unitId = user.unitId();
        }
        if (status != null && !status.equals("ACTIVE")) {
            try {
                TaskStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw DomainRuleViolation.invalid("status", "status is one of ACTIVE, OPEN, CLAIMED, COMPLETED, CANCELLED, WITHDRAWN");
            }
        }
        if (sort != null && !SORT_KEYS.matcher(sort).matches()) {
            throw DomainRuleViolation.invalid("sort", "sort by dueAt, assignedAt, unitId or status, with a leading - for descending");
        }
        return queries.query(new FindTasks(expoId, unitId, status, directiveId, overdue, page, size, sort), TaskPage.class).join();
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "A task with its form fields and its history")
    public TaskView get(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        TaskDetail detail = visibleTask(user, taskId);
        TaskSummary summary = detail.summary();
        return new TaskView(summary, detail.instructions(), detail.latestNote(), detail.latestProblems(),
                detail.latestSuggestions(), detail.decision(), detail.decisionComment(), form(summary).fields(),
                detail.history());
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "Take a task: it becomes yours until you complete or unclaim it")
    public ResponseEntity<Void> claim(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        visibleSummary(user, taskId);
        taskService.claim(taskId, user.getUsername());
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/unclaim")
    @Operation(summary = "Give a task back to its group")
    public ResponseEntity<Void> unclaim(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        visibleSummary(user, taskId);
        taskService.setAssignee(taskId, null);
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/progress")
    @Operation(summary = "Report progress: percent, narrative, problems met, suggestions, figures so far")
    public ResponseEntity<Void> progress(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                         @Valid @RequestBody ProgressRequest request) {
        TaskSummary task = visibleSummary(user, taskId);
        Map<String, BigDecimal> figures = request.figures() == null ? Map.of() : request.figures();
        checkFiguresOfKind(task, figures);
        acting.send(new ReportProgress(taskId, acting.currentActor(), request.percent(), request.note(), request.problems(),
                request.suggestions(), figures));
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "Complete a step with its values and figures; a review step with a decision and comment")
    public ResponseEntity<Void> complete(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                         @Valid @RequestBody CompleteRequest request) {
        TaskSummary task = visibleSummary(user, taskId);
        if (task.status() != TaskStatus.OPEN && task.status() != TaskStatus.CLAIMED) {
            throw DomainRuleViolation.conflict("task " + taskId + " is already " + task.status().name().toLowerCase());
        }
        StepForm form = form(task);
        Map<String, BigDecimal> figures = request.figures() == null ? Map.of() : request.figures();
        Map<String, String> values = request.values() == null ? Map.of() : request.values();
        checkFiguresOfKind(task, figures);
        Map<String, Object> variables = new HashMap<>();
        Map<String, Object> taskFigures = new HashMap<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            StepForm.Field field = field(form, value.getKey())
                    .orElseThrow(() -> DomainRuleViolation.invalid("values." + value.getKey(), "this step has no field '" + value.getKey() + "'"));
            if (field.isFigure()) {
                throw DomainRuleViolation.invalid("values." + value.getKey(), "'" + value.getKey() + "' is a figure: send it in figures");
            }
            variables.put(field.id(), value.getValue());
        }
        figures.forEach((key, number) -> field(form, key).ifPresentOrElse(
                field -> variables.put(key, typed(field, number)),
                () -> taskFigures.put(key, number.stripTrailingZeros().toPlainString())));
        if (request.decision() != null || request.comment() != null) {
            if (!form.isReview()) {
                throw DomainRuleViolation.invalid("decision", "this step is not a review: it takes values and figures, not a decision");
            }
            if (request.decision() != null) {
                variables.put(StepForm.DECISION, request.decision().name());
            }
            if (request.comment() != null) {
                variables.put(StepForm.COMMENT, request.comment());
            }
        }
        try {
            transactions.executeWithoutResult(status -> {
                if (!taskFigures.isEmpty()) {
                    taskService.setVariablesLocal(taskId, taskFigures);
                }
                formService.submitTaskForm(taskId, variables);
            });
        } catch (RuntimeException refused) {
            throw namingTheField(refused);
        }
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/extend")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Extend a step's deadline, with a reason; the original deadline stays on record")
    public ResponseEntity<Void> extend(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                       @Valid @RequestBody ExtendRequest request) {
        TaskSummary task = visibleSummary(user, taskId);
        Instant newDueAt = deadlines.of(request.dueOn(), request.dueAt());
        if (newDueAt == null) {
            throw DomainRuleViolation.invalid("dueOn", "name the new deadline: dueOn (a date) or dueAt (an instant)");
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
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/reassign")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Hand a unit's step to another unit of the expo, which does it from now on")
    public ResponseEntity<Void> reassign(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                         @Valid @RequestBody ReassignRequest request) {
        TaskSummary task = visibleSummary(user, taskId);
        requireEnrolled(task.expoId(), request.unitId());
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
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/cooperating-units")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Ask another unit of the expo to co-operate on a step: it may report on and complete it too")
    public ResponseEntity<Void> addCooperatingUnit(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                                   @Valid @RequestBody CooperatingUnitRequest request) {
        TaskSummary task = visibleSummary(user, taskId);
        requireEnrolled(task.expoId(), request.unitId());
        transactions.executeWithoutResult(status -> {
            acting.send(new AddCooperatingUnit(taskId, acting.currentActor(), request.unitId()));
            openEngineTask(taskId);
            taskService.addCandidateGroup(taskId, request.unitId());
        });
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    private Task openEngineTask(String taskId) {
        Task engineTask = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (engineTask == null) {
            throw DomainRuleViolation.conflict("task " + taskId + " is no longer open in the engine");
        }
        return engineTask;
    }

    private void requireEnrolled(String expoId, String unitId) {
        boolean enrolled = ExpoController.ExpoLookup.require(queries, expoId).units().stream()
                .anyMatch(unit -> unit.unitId().equals(unitId));
        if (!enrolled) {
            throw DomainRuleViolation.invalid("unitId", "unit '" + unitId + "' is not enrolled in this expo");
        }
    }


    /** What a file attached to a task is, without its content; who attached it is in the task's history. */
    public record AttachmentView(String id, String name, String contentType, Instant addedAt) {
    }

    @PostMapping("/{taskId}/attachments")
    @Operation(summary = "Attach a file to a step (multipart part 'file'): a JPEG, PNG or WebP photo, or a PDF, up to 10 MB")
    public ResponseEntity<Map<String, String>> attach(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                                      HttpServletRequest request) throws IOException {
        TaskSummary task = visibleSummary(user, taskId);
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the file as multipart/form-data, in a part named 'file'"), null);
        }
        MultipartFile file = multipart.getFile("file");
        if (file == null || file.isEmpty()) {
            throw DomainRuleViolation.invalid("file", "attach a file in a part named 'file'");
        }
        String contentType = file.getContentType() == null ? "" : file.getContentType();
        if (!ATTACHABLE.contains(contentType)) {
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attach a photo (JPEG, PNG, WebP) or a PDF, not '" + contentType + "'"), null);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "attachment"
                : file.getOriginalFilename().strip();
        if (name.length() > 200) {
            throw DomainRuleViolation.invalid("file", "the file name is longer than 200 characters");
        }
        byte[] content = file.getBytes();
        if (!AttachmentContent.isWhatItDeclares(contentType, content)) {
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the file is not the " + contentType + " it is declared as"), null);
        }
        String attachmentId = transactions.execute(status -> {
            Task engineTask = openEngineTask(taskId);
            Attachment attachment = taskService.createAttachment(contentType, taskId, engineTask.getProcessInstanceId(),
                    name, null, new java.io.ByteArrayInputStream(content));
            acting.send(new AddAttachment(taskId, acting.currentActor(), attachment.getId(), name, contentType, content.length));
            return attachment.getId();
        });
        catchUp.awaitHead();
        return ResponseEntity.created(URI.create("/api/tasks/" + task.id() + "/attachments/" + attachmentId))
                .body(Map.of("id", attachmentId));
    }

    @GetMapping("/{taskId}/attachments")
    @Operation(summary = "The files attached to a step")
    public List<AttachmentView> attachments(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        visibleSummary(user, taskId);
        return taskService.getTaskAttachments(taskId).stream()
                .map(a -> new AttachmentView(a.getId(), a.getName(), a.getType(),
                        a.getCreateTime() == null ? null : a.getCreateTime().toInstant()))
                .toList();
    }

    @GetMapping("/{taskId}/attachments/{attachmentId}")
    @Operation(summary = "Download one attached file")
    public ResponseEntity<byte[]> attachment(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                             @PathVariable String attachmentId) throws IOException {
        visibleSummary(user, taskId);
        Attachment attachment = taskService.getTaskAttachment(taskId, attachmentId);
        if (attachment == null) {
            throw DomainRuleViolation.notFound("attachmentId", "task " + taskId + " has no attachment " + attachmentId);
        }
        try (var content = taskService.getTaskAttachmentContent(taskId, attachmentId)) {
            // opened in the browser, a file runs no script and reaches nothing of ExpoFlow's
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.getType()))
                    .header("Content-Security-Policy", "sandbox")
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(attachment.getName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .body(content == null ? new byte[0] : content.readAllBytes());
        }
    }

    /** The engine's form validation names the field it refused; so does our answer, to the API and the pages. */
    private static RuntimeException namingTheField(RuntimeException refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidatorException invalid) {
                String constraint = invalid.getConfig() == null ? invalid.getName() : invalid.getName() + " " + invalid.getConfig();
                return DomainRuleViolation.invalid(invalid.getId(), "field '" + invalid.getId() + "' is not valid: " + constraint);
            }
        }
        return refused;
    }

    private TaskDetail visibleTask(ExpoFlowUser user, String taskId) {
        TaskDetail detail = queries.query(new FindTask(taskId), TaskDetail.class).join();
        requireVisible(user, taskId, detail == null ? null : detail.summary());
        return detail;
    }

    /** The task as the lists show it, for an action: its history is not read. */
    private TaskSummary visibleSummary(ExpoFlowUser user, String taskId) {
        TaskSummary task = queries.query(new FindTaskSummary(taskId), TaskSummary.class).join();
        requireVisible(user, taskId, task);
        return task;
    }

    private static void requireVisible(ExpoFlowUser user, String taskId, TaskSummary task) {
        if (task == null) {
            throw DomainRuleViolation.notFound("taskId", "no task with id " + taskId);
        }
        if (user.isCity() && !task.unitId().equals(user.unitId()) && !task.candidateGroup().equals(user.unitId())
                && !task.cooperatingUnits().contains(user.unitId())) {
            throw new AccessDeniedException("task " + taskId + " belongs to another unit");
        }
    }

    private StepForm form(TaskSummary task) {
        HistoricTaskInstance historic = historicTask(task);
        return kinds.stepForm(historic.getProcessDefinitionId(), historic.getTaskDefinitionKey());
    }

    private HistoricTaskInstance historicTask(TaskSummary task) {
        HistoricTaskInstance historic = historyService.createHistoricTaskInstanceQuery().taskId(task.id()).singleResult();
        if (historic == null) {
            throw DomainRuleViolation.notFound("taskId", "the engine has no record of task " + task.id());
        }
        return historic;
    }

    private static java.util.Optional<StepForm.Field> field(StepForm form, String id) {
        return form.fields().stream().filter(field -> field.id().equals(id)).findFirst();
    }

    /** A unit may report any figure its directive's kind collects, on any of its steps. */
    private void checkFiguresOfKind(TaskSummary task, Map<String, BigDecimal> figures) {
        if (figures.isEmpty()) {
            return;
        }
        DirectiveKind kind = kinds.kindOf(historicTask(task).getProcessDefinitionId());
        List<String> collected = kind.figures();
        figures.forEach((key, number) -> {
            if (!collected.contains(key)) {
                throw DomainRuleViolation.invalid("figures." + key, "this directive does not collect a figure '" + key
                        + "'; it collects " + collected);
            }
            if (!Figure.isStorable(number)) {
                throw DomainRuleViolation.invalid("figures." + key, "'" + key + "' must be below " + Figure.LIMIT.toBigInteger()
                        + " with at most " + Figure.MAX_DECIMALS + " decimals");
            }
            boolean whole = kind.steps().stream().flatMap(step -> step.fields().stream())
                    .anyMatch(field -> field.id().equals(key) && "long".equals(field.type()));
            if (whole && number.stripTrailingZeros().scale() > 0) {
                throw DomainRuleViolation.invalid("figures." + key, "'" + key + "' is a whole number");
            }
        });
    }

    /** The engine's form types want a long for a {@code long} field and a double for a {@code double} one. */
    private static Object typed(StepForm.Field field, BigDecimal number) {
        if ("long".equals(field.type())) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw DomainRuleViolation.invalid("figures." + field.id(), "'" + field.id() + "' is a whole number");
            }
        }
        if ("double".equals(field.type())) {
            return number.doubleValue();
        }
        return number.toPlainString();
    }
}
