package org.expoflow.projections.api;

/**
 * Which step of its directive's process a task is: the directive's {@code kind}, the step's key and name in that
 * kind's process, and {@code processDefinitionId}, the version of the kind it runs on (null for steps recorded
 * before it was kept).
 */
public record TaskStep(String kind, String stepKey, String stepName, String processDefinitionId) {
}
