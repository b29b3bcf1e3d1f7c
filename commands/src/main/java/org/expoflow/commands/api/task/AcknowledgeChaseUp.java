package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** The unit answers the office's chase-up with its reply (回执), which it must give. */
public record AcknowledgeChaseUp(@TargetAggregateIdentifier String taskId, Actor actor, String reply) {
}
