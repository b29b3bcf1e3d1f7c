package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The expo office chases a unit up on an overdue task, with a message to the unit (督办). */
public record ChaseUpTask(@TargetAggregateIdentifier String taskId, Actor actor, String message) {
}
