package org.expoflow.commands.api.task;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The deadline supervision's due-soon timer fired for the deadline {@code dueAt} was then in force. */
public record RecordTaskDueSoon(@TargetAggregateIdentifier String taskId, Instant dueAt) {
}
