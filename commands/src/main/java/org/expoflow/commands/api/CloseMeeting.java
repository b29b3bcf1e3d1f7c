package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The meeting ends: its record is frozen. */
public record CloseMeeting(@TargetAggregateIdentifier String meetingId, Actor actor) {
}
