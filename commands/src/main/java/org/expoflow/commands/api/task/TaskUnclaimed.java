package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

public record TaskUnclaimed(String taskId, String directiveId, String unitId, String previousAssignee) implements OfDirective {
}
