package org.expoflow.commands.api.task;

import java.math.BigDecimal;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.expoflow.commands.api.Actor;

/** A unit reports how far it has got: percent done, a narrative, problems met, suggestions, figures so far. */
public record ReportProgress(@TargetAggregateIdentifier String taskId, Actor actor, int percent, String note,
                             String problems, String suggestions, Map<String, BigDecimal> figures) {
}
