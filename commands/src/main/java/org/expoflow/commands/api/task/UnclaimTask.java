package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

public record UnclaimTask(@TargetAggregateIdentifier String taskId, Actor actor) {
}
