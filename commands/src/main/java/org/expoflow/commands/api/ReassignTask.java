package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The expo office hands a unit's step to another unit, which does it from now on. */
public record ReassignTask(@TargetAggregateIdentifier String taskId, Actor actor, String unitId, String reason) {
}
