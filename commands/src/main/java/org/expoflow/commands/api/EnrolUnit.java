package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A coordinator enrols a city or department in an expo's preparation. */
public record EnrolUnit(Actor actor, @TargetAggregateIdentifier String expoId, String unitId, String name, UnitKind kind) {
}
