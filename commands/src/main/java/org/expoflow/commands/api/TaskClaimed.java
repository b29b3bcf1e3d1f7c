package org.expoflow.commands.api;

public record TaskClaimed(String taskId, String directiveId, String unitId, String assignee) implements OfDirective {
}
