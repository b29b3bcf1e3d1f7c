package org.expoflow.commands.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/**
 * The expo office chases a unit up on an overdue task, with a message to the unit, at a {@link ChaseUpGrade grade}:
 * 催办, 督办 (when none is named) or 通报.
 */
public record ChaseUpTask(@TargetAggregateIdentifier String taskId, Actor actor, String message, ChaseUpGrade grade) {

    public ChaseUpTask {
        grade = grade == null ? ChaseUpGrade.DEFAULT : grade;
    }

    /** A 督办, the one grade there was before grades. */
    public ChaseUpTask(String taskId, Actor actor, String message) {
        this(taskId, actor, message, ChaseUpGrade.DEFAULT);
    }
}
