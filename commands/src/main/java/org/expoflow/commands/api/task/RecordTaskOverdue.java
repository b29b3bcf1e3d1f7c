package org.expoflow.commands.api.task;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The deadline supervision's deadline timer fired: the deadline {@code dueAt} passed with the task still open. */
public record RecordTaskOverdue(@TargetAggregateIdentifier String taskId, Instant dueAt) {
}
