package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The expo office withdraws a directive: the units' open work on it ends, recorded as withdrawn. */
public record WithdrawDirective(@TargetAggregateIdentifier String directiveId, Actor actor, String reason) {
}
