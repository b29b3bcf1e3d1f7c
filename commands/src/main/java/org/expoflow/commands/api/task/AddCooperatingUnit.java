package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** The expo office asks another unit to co-operate on a step (协办): it may report on and complete it too. */
public record AddCooperatingUnit(@TargetAggregateIdentifier String taskId, Actor actor, String unitId) {
}
