package org.expoflow.commands.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Someone concerned with a step says something about it: a clerk asks, the office answers, a leader weighs in.
 * With {@code instruction}, a leader's instruction (批示), shown to the unit above everything else.
 */
public record CommentOnTask(@TargetAggregateIdentifier String taskId, Actor actor, String text, boolean instruction) {
}
