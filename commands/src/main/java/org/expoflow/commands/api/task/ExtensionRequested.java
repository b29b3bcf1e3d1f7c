package org.expoflow.commands.api.task;

import java.time.Instant;
import org.expoflow.commands.api.OfDirective;

/** A unit asked for its step's deadline {@code currentDueAt} to move to {@code dueAt}, for a reason. */
public record ExtensionRequested(String taskId, String directiveId, String unitId, String requestedBy, Instant currentDueAt,
                                 Instant dueAt, String reason) implements OfDirective {
}
