package org.expoflow.commands.api;

public record TaskUnclaimed(String taskId, String directiveId, String unitId, String previousAssignee) implements OfDirective {
}
