package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One row of a task list. {@code candidateGroup} says who may act on it: a unit id, coordinator or leader. */
public record TaskSummary(String id, String expoId, String directiveId, String directiveTitle, String kind,
                          String unitId, String stepKey, String stepName, String candidateGroup, TaskStatus status,
                          String assignee, Instant dueAt, boolean overdue, int percent,
                          Map<String, BigDecimal> latestFigures, Instant latestReportAt, String returnComment,
                          Instant assignedAt, Instant closedAt) {
}
