package org.expoflow.commands.api.task;

import java.time.Instant;
import org.expoflow.commands.api.OfDirective;

public record TaskDueSoon(String taskId, String directiveId, String unitId, Instant dueAt) implements OfDirective {
}
