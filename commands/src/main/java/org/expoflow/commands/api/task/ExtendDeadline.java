package org.expoflow.commands.api.task;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** The expo office moves a task's deadline later, for a reason; {@code requestedAt} is when it was asked. */
public record ExtendDeadline(@TargetAggregateIdentifier String taskId, Actor actor, Instant dueAt, String reason,
                             Instant requestedAt) {
}
