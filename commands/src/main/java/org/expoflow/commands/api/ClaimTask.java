package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ClaimTask(@TargetAggregateIdentifier String taskId, Actor actor, String assignee) {
}
