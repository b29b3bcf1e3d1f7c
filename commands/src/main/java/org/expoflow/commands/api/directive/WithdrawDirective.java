package org.expoflow.commands.api.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** The expo office withdraws a directive: the units' open work on it ends, recorded as withdrawn. */
public record WithdrawDirective(@TargetAggregateIdentifier String directiveId, Actor actor, String reason) {
}
