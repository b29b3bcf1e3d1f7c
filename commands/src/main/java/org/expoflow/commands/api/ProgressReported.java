package org.expoflow.commands.api;

import java.math.BigDecimal;
import java.util.Map;

public record ProgressReported(String taskId, String directiveId, String unitId, int percent, String note,
                               String problems, String suggestions, Map<String, BigDecimal> figures) implements OfDirective {
}
