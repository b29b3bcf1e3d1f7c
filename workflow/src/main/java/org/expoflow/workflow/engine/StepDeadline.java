package org.expoflow.workflow.engine;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * When a step is due. By default at the directive's deadline ({@code dueAt}), or at the step's own
 * {@code camunda:dueDate}. A step may declare an offset instead, as a {@code camunda:property}:
 * {@code dueBeforeDeadline} (e.g. {@code P30D}: the booth design a month before the directive is due)
 * or {@code dueWithin} (e.g. {@code P3D} after the step is reached).
 */
final class StepDeadline {

    static final String DUE_BEFORE_DEADLINE = "dueBeforeDeadline";
    static final String DUE_WITHIN = "dueWithin";

    private StepDeadline() {
    }

    static Instant of(UserTask step, Instant directiveDueAt, Instant stepDueDate, Instant reachedAt) {
        String within = StepProperties.of(step, DUE_WITHIN);
        if (within != null) {
            return reachedAt.plus(Duration.parse(within));
        }
        String before = StepProperties.of(step, DUE_BEFORE_DEADLINE);
        if (before != null && directiveDueAt != null) {
            return directiveDueAt.minus(Duration.parse(before));
        }
        return stepDueDate != null ? stepDueDate : directiveDueAt;
    }
}
