package org.expoflow.commands.api.task;

import java.math.BigDecimal;
import java.util.Map;
import org.expoflow.commands.api.OfDirective;

public record TaskCompleted(String taskId, String directiveId, String unitId, String completedBy,
                            Map<String, String> values, Map<String, BigDecimal> figures,
                            ReviewDecision decision, String comment) implements OfDirective {
}
