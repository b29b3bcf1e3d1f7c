package org.expoflow.workflow.tasks;

import org.expoflow.workflow.application.AttachmentRefused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.task.RecordAttachmentOpened;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.engine.StepEngine;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.stereotype.Service;

/**
 * The files a unit attaches to its steps as evidence (photos, scanned documents): checked to be what they
 * declare, kept with the step, and read back by those who may see the step.
 */
@Service
public class StepFiles {

    private static final Set<String> ATTACHABLE = Set.of("image/jpeg", "image/png", "image/webp", "application/pdf");

    private final VisibleSteps visible;
    private final StepEngine engine;
    private final Refusals refusals;
    private final ActingContext acting;
    private final QueryGateway queries;

    public StepFiles(VisibleSteps visible, StepEngine engine, Refusals refusals, ActingContext acting, QueryGateway queries) {
        this.queries = queries;
        this.acting = acting;
        this.visible = visible;
        this.engine = engine;
        this.refusals = refusals;
    }

    /**
     * What a file attached to a task is, without its content; who attached it is in the task's history. {@code taskId}:
     * the step the file was attached to, where it opens ({@code /tasks/{taskId}/attachments/{id}}), an earlier run of
     * the same step when the file was carried to a step returned for rework.
     */
    public record AttachmentView(String id, String name, String contentType, Instant addedAt, String taskId) {

        /** Whether the file came with an earlier submission of the step rather than to the step {@code stepId} itself. */
        public boolean carriedTo(String stepId) {
            return !taskId.equals(stepId);
        }
    }

    /** A file as the clerk sent it: its name, the type it declares, its bytes. */
    public record AttachedFile(String name, String contentType, byte[] content) {
    }

    /** A file attached to a task, with its content. */
    public record AttachmentFile(String name, String contentType, byte[] content) {
    }

    /**
     * A photo (JPEG, PNG, WebP) or a PDF attached to a step, checked to be what it declares; the new
     * attachment's id.
     */
    public String attach(ExpoFlowUser user, String taskId, AttachedFile file) {
        visible.summary(user, taskId);
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
        String attachmentId = engine.attach(taskId, name, contentType, file.content());
        return attachmentId;
    }

    /**
     * The evidence of a step: its own files and, for a step returned for rework, the files of its earlier runs, which
     * stay its evidence (the office reviewing the resubmission sees them) without the clerk sending them again.
     */
    public List<AttachmentView> attachments(ExpoFlowUser user, String taskId) {
        return evidenceOf(visible.summary(user, taskId));
    }

    /** The files of every run of the step in its unit's process, the earliest first. */
    List<AttachmentView> evidenceOf(TaskSummary step) {
        String unitId = step.directive().unitId();
        List<TaskSummary> runs = queries.query(new FindTasks(null, unitId, null, step.directive().directiveId(), null, 0, 200,
                "assignedAt"), TaskPage.class).join().items().stream()
                .filter(run -> run.step().stepKey().equals(step.step().stepKey()) && run.directive().unitId().equals(unitId)
                        && (run.assignedAt() == null || step.assignedAt() == null || !run.assignedAt().isAfter(step.assignedAt())))
                .toList();
        List<AttachmentView> evidence = new ArrayList<>();
        runs.forEach(run -> evidence.addAll(attachmentsOf(run.id())));
        if (runs.stream().noneMatch(run -> run.id().equals(step.id()))) {
            evidence.addAll(attachmentsOf(step.id()));
        }
        return evidence;
    }

    List<AttachmentView> attachmentsOf(String taskId) {
        return engine.attachments(taskId).stream()
                .map(file -> new AttachmentView(file.id(), file.name(), file.contentType(), file.addedAt(), taskId)).toList();
    }

    /**
     * A file of a step, opened by someone who may see the step (its unit, a co-operating unit, the office,
     * leadership; another unit is refused): the opening is recorded on the step, who and which file.
     */
    public AttachmentFile open(ExpoFlowUser user, String taskId, String attachmentId) {
        visible.summary(user, taskId);
        StepEngine.StoredFile file = engine.attachment(taskId, attachmentId)
                .orElseThrow(() -> refusals.notFound("attachmentId", "noAttachment"));
        acting.send(new RecordAttachmentOpened(taskId, acting.currentActor(), attachmentId, file.name()));
        return new AttachmentFile(file.name(), file.contentType(), file.content());
    }
}
