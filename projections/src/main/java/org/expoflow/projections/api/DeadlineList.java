package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.expoflow.commands.api.task.ChaseUpGrade;

/** Unit steps past (or near) their deadline at {@code asOf}; {@code daysLate} is negative for days still left. */
public record DeadlineList(String expoId, Instant asOf, List<Item> items) {

    /**
     * {@code kind} and {@code stepKey}: the BPMN ids a page names the step by, in its reader's language.
     * {@code chaseUpGrade}: the grade of its latest chase-up (after a mere reminder, 催办, {@code chasedUp} is false).
     */
    public record Item(String taskId, String unitId, String directiveId, String directiveTitle, String stepName,
                       Instant dueAt, BigDecimal daysLate, boolean chasedUp, boolean escalated, String kind, String stepKey,
                       ChaseUpGrade chaseUpGrade) {
    }
}
