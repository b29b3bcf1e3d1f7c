package org.expoflow.commands.api;

import java.time.Instant;

public record TaskOverdue(String taskId, String directiveId, String unitId, Instant dueAt) implements OfDirective {
}
