package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The unit confirms it received the office's chase-up, optionally with a reply (回执). */
public record AcknowledgeChaseUp(@TargetAggregateIdentifier String taskId, Actor actor, String reply) {
}
