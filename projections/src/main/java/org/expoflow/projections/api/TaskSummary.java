package org.expoflow.projections.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.expoflow.commands.api.Actor;

/**
 * One row of a task list: the {@code directive} and {@code step} it is, its {@code deadline}, the unit's
 * {@code progress} and the office's latest {@code chaseUp}. {@code candidateGroup} says who may act on it (a unit
 * id, coordinator or leader), together with any {@code cooperatingUnits}. {@code supervisedTaskId} is set on a
 * chase-up and its acknowledgement: the step whose deadline they follow up. The parts are written flat, each of
 * their fields beside the row's own ({@code dueAt}, {@code percent}, {@code chaseUpGrade}...), as the API has
 * always written a row.
 */
public record TaskSummary(String id, @JsonUnwrapped TaskDirective directive, @JsonUnwrapped TaskStep step,
                          String candidateGroup, TaskStatus status, String assignee,
                          @JsonUnwrapped TaskDeadline deadline, @JsonUnwrapped TaskProgress progress,
                          String returnComment, Instant assignedAt, Instant closedAt,
                          @JsonUnwrapped TaskChaseUp chaseUp, List<String> cooperatingUnits, String supervisedTaskId) {

    public boolean isActive() {
        return status.isActive();
    }

    /** A review or a chase-up: the office's own step (coordinator or leader), not a unit's work. */
    public boolean isOfficeStep() {
        return candidateGroup.equals(Actor.COORDINATOR) || candidateGroup.equals(Actor.LEADER);
    }

    /** The office following up another step's deadline (督办逾期单位): the office's work about a unit, not for it to do. */
    @JsonIgnore
    public boolean isChaseUpOfTheOffice() {
        return supervisedTaskId != null && candidateGroup.equals(Actor.COORDINATOR);
    }

    /** Sent back for rework and not reported on since. */
    public boolean awaitsRework() {
        return returnComment != null && !progress.reported();
    }
}
