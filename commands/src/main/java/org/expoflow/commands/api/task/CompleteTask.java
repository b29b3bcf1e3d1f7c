package org.expoflow.commands.api.task;

import java.math.BigDecimal;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/**
 * The engine completes a task: a unit submits its step with its form values and figures, or a
 * coordinator decides on a review step ({@code decision} and {@code comment}; null elsewhere).
 */
public record CompleteTask(@TargetAggregateIdentifier String taskId, Actor actor, Map<String, String> values,
                           Map<String, BigDecimal> figures, ReviewDecision decision, String comment) {
}
