package org.expoflow.commands.api.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The engine created a user task of a directive's process: it is now someone's to do.
 * {@code candidateGroup} is who may act on it (a unit id, {@code coordinator} or {@code leader});
 * {@code requiredFigures} are the figure keys the step's form declares required;
 * {@code returnComment} is set when the work comes back from a review for rework;
 * {@code supervisedTaskId} when the task belongs to the watch of another task's deadline (a chase-up);
 * {@code attachmentRequired} when the step asks for at least one attached file;
 * {@code cooperatingUnits}, the units the directive named to co-operate (协办) on the lead unit's steps;
 * {@code processDefinitionId}, the version of the kind the step's process runs on (its form is that version's);
 * {@code kindFigures}, the figure keys that version of the kind declares, the ones a unit may report on the step.
 */
public record AssignTask(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                         String stepKey, String stepName, String candidateGroup, Instant dueAt,
                         Set<String> requiredFigures, String returnComment, String supervisedTaskId,
                         boolean attachmentRequired, List<String> cooperatingUnits, String processDefinitionId,
                         Set<String> kindFigures) {

    /** A step whose kind's figures are untold: it may carry those the bundled kinds declared before kinds told theirs. */
    public AssignTask(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                      String stepKey, String stepName, String candidateGroup, Instant dueAt, Set<String> requiredFigures,
                      String returnComment, String supervisedTaskId, boolean attachmentRequired, List<String> cooperatingUnits,
                      String processDefinitionId) {
        this(taskId, expoId, directiveId, unitId, processInstanceId, stepKey, stepName, candidateGroup, dueAt, requiredFigures,
                returnComment, supervisedTaskId, attachmentRequired, cooperatingUnits, processDefinitionId, null);
    }

    /** A step with co-operating units, its process definition untold. */
    public AssignTask(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                      String stepKey, String stepName, String candidateGroup, Instant dueAt, Set<String> requiredFigures,
                      String returnComment, String supervisedTaskId, boolean attachmentRequired, List<String> cooperatingUnits) {
        this(taskId, expoId, directiveId, unitId, processInstanceId, stepKey, stepName, candidateGroup, dueAt, requiredFigures,
                returnComment, supervisedTaskId, attachmentRequired, cooperatingUnits, null);
    }

    /** A step without co-operating units. */
    public AssignTask(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                      String stepKey, String stepName, String candidateGroup, Instant dueAt, Set<String> requiredFigures,
                      String returnComment, String supervisedTaskId, boolean attachmentRequired) {
        this(taskId, expoId, directiveId, unitId, processInstanceId, stepKey, stepName, candidateGroup, dueAt, requiredFigures,
                returnComment, supervisedTaskId, attachmentRequired, List.of(), null);
    }
}
