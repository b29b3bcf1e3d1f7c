package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

/** A file attached to a step was opened, by {@code openedBy} (a user id): a line of the step's audit history. */
public record AttachmentOpened(String taskId, String directiveId, String unitId, String attachmentId, String name,
                               String openedBy) implements OfDirective {
}
