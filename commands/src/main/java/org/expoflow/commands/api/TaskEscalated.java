package org.expoflow.commands.api;

import java.time.Instant;

public record TaskEscalated(String taskId, String directiveId, String unitId, Instant dueAt) implements OfDirective {
}
