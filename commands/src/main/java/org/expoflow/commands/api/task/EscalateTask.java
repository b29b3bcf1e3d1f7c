package org.expoflow.commands.api.task;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The grace period after the deadline {@code dueAt} ran out with the task still open: leadership must know. */
public record EscalateTask(@TargetAggregateIdentifier String taskId, Instant dueAt) {
}
