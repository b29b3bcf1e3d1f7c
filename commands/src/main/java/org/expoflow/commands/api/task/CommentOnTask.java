package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/**
 * Someone concerned with a step says something about it: a clerk asks, the office answers, a leader weighs in.
 * With {@code instruction}, a leader's instruction (批示), shown to the unit above everything else.
 */
public record CommentOnTask(@TargetAggregateIdentifier String taskId, Actor actor, String text, boolean instruction) {
}
