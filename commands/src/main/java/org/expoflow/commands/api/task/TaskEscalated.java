package org.expoflow.commands.api.task;

import java.time.Instant;
import org.expoflow.commands.api.OfDirective;

public record TaskEscalated(String taskId, String directiveId, String unitId, Instant dueAt) implements OfDirective {
}
