package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** The expo office hands a unit's step to another unit, which does it from now on. */
public record ReassignTask(@TargetAggregateIdentifier String taskId, Actor actor, String unitId, String reason) {
}
