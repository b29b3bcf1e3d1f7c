package org.expoflow.commands.api.meeting;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** A decision taken at the meeting; {@code directiveIds} are the directives it issued. */
public record RecordDecision(@TargetAggregateIdentifier String meetingId, Actor actor, String decisionId, String text,
                             List<String> directiveIds) {
}
