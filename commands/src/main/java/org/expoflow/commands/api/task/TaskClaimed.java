package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

public record TaskClaimed(String taskId, String directiveId, String unitId, String assignee) implements OfDirective {
}
