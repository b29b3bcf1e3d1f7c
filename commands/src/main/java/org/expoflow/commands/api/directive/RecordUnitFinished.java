package org.expoflow.commands.api.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The engine records that a unit's process of a directive has reached its end. */
public record RecordUnitFinished(@TargetAggregateIdentifier String directiveId, String unitId) {
}
