package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** Someone who may see a step opened one of its files: the audit history keeps who read which evidence. */
public record RecordAttachmentOpened(@TargetAggregateIdentifier String taskId, Actor actor, String attachmentId, String name) {
}
