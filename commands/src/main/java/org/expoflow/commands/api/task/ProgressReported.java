package org.expoflow.commands.api.task;

import java.math.BigDecimal;
import java.util.Map;
import org.expoflow.commands.api.OfDirective;

public record ProgressReported(String taskId, String directiveId, String unitId, int percent, String note,
                               String problems, String suggestions, Map<String, BigDecimal> figures) implements OfDirective {
}
