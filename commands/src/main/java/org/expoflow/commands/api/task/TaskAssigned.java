package org.expoflow.commands.api.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.expoflow.commands.api.OfDirective;

/**
 * {@code supervisedTaskId}: set on a deadline's own steps (a chase-up, its acknowledgement), naming the step watched.
 * {@code cooperatingUnits}: the units co-operating on the step from its start, as the directive named them (empty
 * when none; null in events written before there were any). {@code processDefinitionId}: the version of the kind
 * the step's process runs on (null in events written before it was told). {@code kindFigures}: the figure keys the
 * kind declares, which a unit may report on the step (null in events written before kinds told their figures).
 */
public record TaskAssigned(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                           String stepKey, String stepName, String candidateGroup, Instant dueAt,
                           Set<String> requiredFigures, String supervisedTaskId, boolean attachmentRequired,
                           List<String> cooperatingUnits, String processDefinitionId,
                           Set<String> kindFigures) implements OfDirective {

    /** A step whose kind's figures are untold. */
    public TaskAssigned(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                        String stepKey, String stepName, String candidateGroup, Instant dueAt, Set<String> requiredFigures,
                        String supervisedTaskId, boolean attachmentRequired, List<String> cooperatingUnits,
                        String processDefinitionId) {
        this(taskId, expoId, directiveId, unitId, processInstanceId, stepKey, stepName, candidateGroup, dueAt, requiredFigures,
                supervisedTaskId, attachmentRequired, cooperatingUnits, processDefinitionId, null);
    }

    /** A step with co-operating units, its process definition untold. */
    public TaskAssigned(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                        String stepKey, String stepName, String candidateGroup, Instant dueAt, Set<String> requiredFigures,
                        String supervisedTaskId, boolean attachmentRequired, List<String> cooperatingUnits) {
        this(taskId, expoId, directiveId, unitId, processInstanceId, stepKey, stepName, candidateGroup, dueAt, requiredFigures,
                supervisedTaskId, attachmentRequired, cooperatingUnits, null);
    }

    /** A step without co-operating units. */
    public TaskAssigned(String taskId, String expoId, String directiveId, String unitId, String processInstanceId,
                        String stepKey, String stepName, String candidateGroup, Instant dueAt, Set<String> requiredFigures,
                        String supervisedTaskId, boolean attachmentRequired) {
        this(taskId, expoId, directiveId, unitId, processInstanceId, stepKey, stepName, candidateGroup, dueAt, requiredFigures,
                supervisedTaskId, attachmentRequired, List.of(), null);
    }

    /** The co-operating units from the start, none for an event written before there were any. */
    public List<String> cooperatingFromStart() {
        return cooperatingUnits == null ? List.of() : cooperatingUnits;
    }
}
