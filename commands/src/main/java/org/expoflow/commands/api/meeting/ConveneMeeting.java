package org.expoflow.commands.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/**
 * Leadership or the expo office opens a coordination meeting on an expo. {@code heldAt} is when it is held;
 * {@code convenedAt}, the moment it is opened, is the instant its brief is taken as of.
 */
public record ConveneMeeting(Actor actor, @TargetAggregateIdentifier String meetingId, String expoId, String title,
                             Instant heldAt, Instant convenedAt) {
}
