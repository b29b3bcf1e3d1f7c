package org.expoflow.commands.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** The meeting ends: its record is frozen. */
public record CloseMeeting(@TargetAggregateIdentifier String meetingId, Actor actor) {
}
