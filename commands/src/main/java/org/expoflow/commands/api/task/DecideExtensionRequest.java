package org.expoflow.commands.api.task;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/**
 * The expo office approves or refuses a unit's request for a later deadline; a refusal says why.
 * {@code decidedAt} is when it decided: an approved date must not have passed by then.
 */
public record DecideExtensionRequest(@TargetAggregateIdentifier String taskId, Actor actor, boolean approve, String comment,
                                     Instant decidedAt) {
}
