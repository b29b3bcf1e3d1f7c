package org.expoflow.commands.api.directive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/**
 * Someone concerned with a directive says something about it as a whole: the office explains, a unit that
 * received it asks, a leader weighs in. With {@code instruction}, a leader's instruction (批示) to every unit on it.
 */
public record CommentOnDirective(@TargetAggregateIdentifier String directiveId, Actor actor, String text, boolean instruction) {
}
