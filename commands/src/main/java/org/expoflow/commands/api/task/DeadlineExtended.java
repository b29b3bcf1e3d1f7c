package org.expoflow.commands.api.task;

import java.time.Instant;
import org.expoflow.commands.api.OfDirective;

/** {@code originalDueAt} is the deadline first set, kept on record across extensions. */
public record DeadlineExtended(String taskId, String directiveId, String unitId, Instant previousDueAt, Instant dueAt,
                               Instant originalDueAt, String reason) implements OfDirective {
}
