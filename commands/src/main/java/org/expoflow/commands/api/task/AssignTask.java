package org.expoflow.commands.api.task;

import java.time.Instant;
import java.util.List;

/**
 * The engine created a user task of a directive's process: it is now someone's to do.
 * {@code candidateGroup} is who may act on it (a unit id, {@code coordinator} or {@code leader});
 * {@code demands}, what the step's form asks of the unit; {@code cooperatingUnits}, the units the directive named to
 * co-operate (协办) on the lead unit's steps; {@code supervisedTaskId}, set when the task belongs to the watch of
 * another task's deadline (a chase-up); {@code returnComment}, set when the work comes back from a review for rework.
 */
public record AssignTask(String taskId, DirectiveStep step, String candidateGroup, Instant dueAt, StepDemands demands,
                         List<String> cooperatingUnits, String supervisedTaskId, String returnComment) {

    public AssignTask {
        cooperatingUnits = cooperatingUnits == null ? List.of() : List.copyOf(cooperatingUnits);
        demands = demands == null ? StepDemands.NOTHING : demands;
    }
}
