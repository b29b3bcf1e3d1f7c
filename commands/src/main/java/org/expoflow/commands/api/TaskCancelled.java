package org.expoflow.commands.api;

public record TaskCancelled(String taskId, String directiveId, String unitId, String reason) {
}
