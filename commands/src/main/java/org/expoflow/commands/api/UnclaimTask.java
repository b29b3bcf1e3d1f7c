package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnclaimTask(@TargetAggregateIdentifier String taskId, Actor actor) {
}
