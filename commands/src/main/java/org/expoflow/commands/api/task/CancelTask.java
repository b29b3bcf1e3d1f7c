package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The engine removed a task without completing it (its process was ended or a boundary event fired);
 * {@code withdrawn} when the end came from withdrawing its directive.
 */
public record CancelTask(@TargetAggregateIdentifier String taskId, String reason, boolean withdrawn) {
}
