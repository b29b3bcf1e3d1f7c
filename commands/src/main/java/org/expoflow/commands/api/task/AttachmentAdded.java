package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

public record AttachmentAdded(String taskId, String directiveId, String unitId, String attachmentId, String name,
                              String contentType, long size) implements OfDirective {
}
