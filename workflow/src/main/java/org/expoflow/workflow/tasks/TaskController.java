package org.expoflow.workflow.tasks;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.TaskPage;
import org.expoflow.workflow.briefs.Spreadsheet;
import org.expoflow.workflow.exports.ListExports;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.tasks.StepFiles.AttachedFile;
import org.expoflow.workflow.tasks.StepFiles.AttachmentFile;
import org.expoflow.workflow.tasks.StepFiles.AttachmentView;
import org.expoflow.workflow.tasks.OfficeStepWork.BulkOutcome;
import org.expoflow.workflow.tasks.OfficeStepWork.BulkRequest;
import org.expoflow.workflow.tasks.OfficeStepWork.ChaseUpRequest;
import org.expoflow.workflow.tasks.StepReadings.Comment;
import org.expoflow.workflow.tasks.UnitStepWork.CommentRequest;
import org.expoflow.workflow.tasks.UnitStepWork.CompleteRequest;
import org.expoflow.workflow.tasks.OfficeStepWork.CooperatingUnitRequest;
import org.expoflow.workflow.tasks.OfficeStepWork.ExtendRequest;
import org.expoflow.workflow.tasks.UnitStepWork.ProgressRequest;
import org.expoflow.workflow.tasks.OfficeStepWork.ReassignRequest;
import org.expoflow.workflow.tasks.StepReadings.TaskView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The REST door to the step services ({@link StepReadings}, {@link UnitStepWork}, {@link OfficeStepWork},
 * {@link StepFiles}): JSON in, JSON (or 204) out; every rule is the services'.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Task lists, and claiming, reporting on and completing tasks")
public class TaskController {

    private final StepReadings readings;
    private final UnitStepWork stepWork;
    private final OfficeStepWork officeWork;
    private final StepFiles files;

    private final ListExports exports;
    private final ExtensionRequests extensionRequests;

    public TaskController(StepReadings readings, UnitStepWork stepWork, OfficeStepWork officeWork, StepFiles files, ListExports exports,
                          ExtensionRequests extensionRequests) {
        this.extensionRequests = extensionRequests;
        this.readings = readings;
        this.stepWork = stepWork;
        this.officeWork = officeWork;
        this.files = files;
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "List tasks; a city user sees only its own unit's; format=xlsx gives every matching row as a spreadsheet")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = TaskPage.class)),
            @Content(mediaType = Spreadsheet.CONTENT_TYPE)})
    public ResponseEntity<?> list(@AuthenticationPrincipal ExpoFlowUser user,
                         @RequestParam(required = false) String expoId,
                         @RequestParam(required = false) String unitId,
                         @RequestParam(required = false) String status,
                         @RequestParam(required = false) String directiveId,
                         @RequestParam(required = false) Boolean overdue,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                         @RequestParam(required = false) String sort,
                         @Parameter(description = "json (default) or xlsx") @RequestParam(required = false) String format) {
        if (exports.asFile(format)) {
            return exports.taskRows(expoId, readings.everyRow(user, expoId, unitId, status, directiveId, overdue, sort),
                    task -> TaskGlances.state(task).name()).download();
        }
        return ResponseEntity.ok(readings.list(user, expoId, unitId, status, directiveId, overdue, page, size, sort));
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "A task with its form fields and its history")
    public TaskView get(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        return readings.view(user, taskId);
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "Take a task: it becomes yours until you complete or unclaim it")
    public ResponseEntity<Void> claim(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        stepWork.claim(user, taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/unclaim")
    @Operation(summary = "Give a task back to its group")
    public ResponseEntity<Void> unclaim(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        stepWork.unclaim(user, taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/progress")
    @Operation(summary = "Report progress: percent, narrative, problems met, suggestions, figures so far")
    public ResponseEntity<Void> progress(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                         @RequestBody ProgressRequest request) {
        stepWork.reportProgress(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "Complete a step with its values and figures; a review step with a decision and comment")
    public ResponseEntity<Void> complete(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                         @RequestBody CompleteRequest request) {
        stepWork.complete(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/extend")
    @Operation(summary = "Extend a step's deadline, with a reason; the original deadline stays on record")
    public ResponseEntity<Void> extend(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                       @RequestBody ExtendRequest request) {
        officeWork.extend(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/extension-request")
    @Operation(summary = "A unit asks for a later deadline (延期申请) before its deadline: dueOn, reason; the office decides it")
    public ResponseEntity<Void> requestExtension(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                                 @RequestBody ExtensionRequests.Ask request) {
        extensionRequests.ask(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/extension-request/decision")
    @Operation(summary = "The office approves (the deadline moves to the date asked) or refuses, with a comment, a unit's request for a later deadline")
    public ResponseEntity<Void> decideExtension(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                                @RequestBody ExtensionRequests.Decision request) {
        extensionRequests.decide(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/reassign")
    @Operation(summary = "Hand a unit's step to another unit of the expo, which does it from now on")
    public ResponseEntity<Void> reassign(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                         @RequestBody ReassignRequest request) {
        officeWork.reassign(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/chase-up")
    @Operation(summary = "Chase a unit up on an overdue step (督办) with a message; the unit acknowledges it")
    public ResponseEntity<Void> chaseUp(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                        @RequestBody ChaseUpRequest request) {
        officeWork.chaseUp(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/cooperating-units")
    @Operation(summary = "Ask another unit of the expo to co-operate on a step: it may report on and complete it too")
    public ResponseEntity<Void> addCooperatingUnit(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                                   @RequestBody CooperatingUnitRequest request) {
        officeWork.addCooperatingUnit(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/comments")
    @Operation(summary = "Comment on a step (text); a leader may give an instruction (instruction: true), shown to the unit first")
    public ResponseEntity<Void> comment(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                        @RequestBody CommentRequest request) {
        stepWork.comment(user, taskId, request);
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId + "/comments")).build();
    }

    @GetMapping("/{taskId}/comments")
    @Operation(summary = "A step's comments and instructions, oldest first")
    public List<Comment> comments(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        return readings.comments(user, taskId);
    }

    @PostMapping("/bulk")
    @Operation(summary = "One office action on many steps: EXTEND (dueOn or dueAt, reason), REASSIGN (unitId, reason) or"
            + " APPROVE (review steps; comment) or CHASE_UP (overdue steps; message) or APPROVE_EXTENSION / REFUSE_EXTENSION"
            + " (units' requests for a later deadline; comment, required to refuse); each step's outcome on its own, a refused step does not stop the others")
    public Map<String, Object> bulk(@AuthenticationPrincipal ExpoFlowUser user, @RequestBody BulkRequest request) {
        List<BulkOutcome> outcomes = officeWork.bulk(user, request);
        return Map.of("action", request.action(), "done", outcomes.stream().filter(BulkOutcome::done).count(),
                "refused", outcomes.stream().filter(outcome -> !outcome.done()).count(), "outcomes", outcomes);
    }

    @PostMapping("/{taskId}/attachments")
    @Operation(summary = "Attach a file to a step (multipart part 'file'): a JPEG, PNG or WebP photo, or a PDF, up to 10 MB")
    public ResponseEntity<Map<String, String>> attach(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                                      HttpServletRequest request) throws IOException {
        String attachmentId = files.attach(user, taskId, fileOf(request));
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId + "/attachments/" + attachmentId))
                .body(Map.of("id", attachmentId));
    }

    @GetMapping("/{taskId}/attachments")
    @Operation(summary = "The files attached to a step and, for a step returned for rework, those of its earlier runs, still its evidence;"
            + " each with the taskId it opens under")
    public List<AttachmentView> attachments(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        return files.attachments(user, taskId);
    }

    @GetMapping("/{taskId}/attachments/{attachmentId}")
    @Operation(summary = "Open one attached file in the browser (a PDF or a photo); the opening is on the step's record")
    public ResponseEntity<byte[]> attachment(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                             @PathVariable String attachmentId) {
        return InlineFile.of(files.open(user, taskId, attachmentId));
    }

    /** The part named {@code file} of a multipart request (a page's upload form sends the same). */
    public static AttachedFile fileOf(HttpServletRequest request) throws IOException {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the file as multipart/form-data, in a part named 'file'"), null);
        }
        MultipartFile file = multipart.getFile("file");
        return file == null ? null : new AttachedFile(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }
}
