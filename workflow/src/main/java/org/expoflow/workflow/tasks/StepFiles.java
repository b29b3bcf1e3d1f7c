package org.expoflow.workflow.tasks;

import org.expoflow.workflow.application.AttachmentRefused;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.expoflow.commands.api.RecordAttachmentOpened;
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

    public StepFiles(VisibleSteps visible, StepEngine engine, Refusals refusals, ActingContext acting) {
        this.acting = acting;
        this.visible = visible;
        this.engine = engine;
        this.refusals = refusals;
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

    public List<AttachmentView> attachments(ExpoFlowUser user, String taskId) {
        visible.summary(user, taskId);
        return attachmentsOf(taskId);
    }

    List<AttachmentView> attachmentsOf(String taskId) {
        return engine.attachments(taskId).stream()
                .map(file -> new AttachmentView(file.id(), file.name(), file.contentType(), file.addedAt())).toList();
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
