package org.expoflow.commands.api.expo;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** A coordinator enrols a city or department in an expo's preparation. */
public record EnrolUnit(Actor actor, @TargetAggregateIdentifier String expoId, String unitId, String name, UnitKind kind) {
}
