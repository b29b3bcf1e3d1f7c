package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** A unit attaches a file to its step (a booth photo, a signed plan); the engine keeps the content. */
public record AddAttachment(@TargetAggregateIdentifier String taskId, Actor actor, String attachmentId, String name,
                            String contentType, long size) {
}
