package org.expoflow.commands.api.task;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/**
 * A unit asks the expo office for a later deadline on its step, with a reason (延期申请), before the deadline in
 * force; {@code requestedAt} is when it asked.
 */
public record RequestExtension(@TargetAggregateIdentifier String taskId, Actor actor, Instant dueAt, String reason,
                               Instant requestedAt) {
}
