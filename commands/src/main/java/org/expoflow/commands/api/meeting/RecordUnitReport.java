package org.expoflow.commands.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** A unit's report at the meeting: how far it got, the problems it met, what it suggests. */
public record RecordUnitReport(@TargetAggregateIdentifier String meetingId, Actor actor, String unitId, String progress,
                               String problems, String suggestions) {
}
