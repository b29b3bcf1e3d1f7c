package org.expoflow.commands.api;

public record TaskChasedUp(String taskId, String directiveId, String unitId, String chasedBy, String message) implements OfDirective {
}
