package org.expoflow.projections.api;

public record FindTask(String taskId) {
}
