package org.expoflow.commands.api;

import java.time.Instant;
import java.util.Set;

/**
 * The engine created a user task of a directive's process: it is now someone's to do.
 * {@code candidateGroup} is who may act on it (a unit id, {@code coordinator} or {@code leader});
 * {@code requiredFigures} are the figure keys the step's form declares required;
 * {@code returnComment} is set when the work comes back from a review for rework;
 * {@code supervisedTaskId} when the task belongs to the watch of another task's deadline (a chase-up);
 * {@code attachmentRequired} when the step asks for at least one attached file.
 */
public record AssignTask(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                         String stepKey, String stepName, String candidateGroup, Instant dueAt,
                         Set<String> requiredFigures, String returnComment, String supervisedTaskId,
                         boolean attachmentRequired) {
}
