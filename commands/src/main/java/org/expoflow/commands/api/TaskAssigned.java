package org.expoflow.commands.api;

import java.time.Instant;
import java.util.Set;

/** {@code supervisedTaskId}: set on a deadline's own steps (a chase-up, its acknowledgement), naming the step watched. */
public record TaskAssigned(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                           String stepKey, String stepName, String candidateGroup, Instant dueAt,
                           Set<String> requiredFigures, String supervisedTaskId, boolean attachmentRequired) implements OfDirective {
}
