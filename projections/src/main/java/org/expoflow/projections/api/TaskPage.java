package org.expoflow.projections.api;

import java.util.List;

public record TaskPage(List<TaskSummary> items, long total, int page, int size) {
}
