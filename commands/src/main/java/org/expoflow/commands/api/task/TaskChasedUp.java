package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

/**
 * The office chased the unit up, at {@code grade}. An event stored before grades were kept has none and reads as a
 * 督办 ({@link ChaseUpGrade#SUPERVISE}).
 */
public record TaskChasedUp(String taskId, String directiveId, String unitId, String chasedBy, String message,
                           ChaseUpGrade grade) implements OfDirective {

    public TaskChasedUp {
        grade = grade == null ? ChaseUpGrade.DEFAULT : grade;
    }

    /** A 督办, the one grade there was before grades. */
    public TaskChasedUp(String taskId, String directiveId, String unitId, String chasedBy, String message) {
        this(taskId, directiveId, unitId, chasedBy, message, ChaseUpGrade.DEFAULT);
    }
}
