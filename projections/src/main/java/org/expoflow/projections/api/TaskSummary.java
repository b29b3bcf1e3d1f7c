package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.task.ChaseUpGrade;

/**
 * One row of a task list. {@code unitId} is the unit whose directive it is; {@code candidateGroup} says who
 * may act on it (a unit id, coordinator or leader), together with any {@code cooperatingUnits}.
 * {@code dueAt} is the deadline in force, {@code originalDueAt} the first one set (they differ once extended);
 * {@code overdue} is judged against the deadline in force now. {@code supervisedTaskId} is set on a chase-up
 * and its acknowledgement: the step whose deadline they follow up. {@code processDefinitionId}: the version of the
 * kind its process runs on (null for steps recorded before it was kept). {@code extensionRequest}: the unit's request
 * for a later deadline waiting for the office's decision, or null. {@code chaseUpGrade}: the grade of the latest
 * chase-up (a reminder, 催办, leaves {@code chasedUpAt} empty: no reply is due), or null when there was none.
 */
public record TaskSummary(String id, String expoId, String directiveId, String directiveTitle, String kind,
                          String unitId, String stepKey, String stepName, String candidateGroup, TaskStatus status,
                          String assignee, Instant dueAt, boolean overdue, int percent,
                          Map<String, BigDecimal> latestFigures, Instant latestReportAt, String returnComment,
                          Instant assignedAt, Instant closedAt, Instant originalDueAt, boolean dueSoon,
                          Instant escalatedAt, Instant chasedUpAt, String chaseUpMessage, Instant chaseUpAcknowledgedAt,
                          List<String> cooperatingUnits, String supervisedTaskId, String processDefinitionId,
                          ExtensionRequest extensionRequest, ChaseUpGrade chaseUpGrade) {

    /** A unit asked, at {@code requestedAt}, for the deadline {@code dueAt}, for {@code reason} (延期申请). */
    public record ExtensionRequest(Instant dueAt, String reason, Instant requestedAt) {
    }

    public boolean isActive() {
        return status.isActive();
    }

    /** A review or a chase-up: the office's own step (coordinator or leader), not a unit's work. */
    public boolean isOfficeStep() {
        return candidateGroup.equals(Actor.COORDINATOR) || candidateGroup.equals(Actor.LEADER);
    }
}
