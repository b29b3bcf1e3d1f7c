package org.expoflow.commands.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A coordinator issues a directive of a kind (a deployed BPMN) to units, due at an instant.
 * {@code issuedAt} is when the coordinator asked, against which the deadline is judged.
 * Targets are per unit: each unit is expected to reach them. {@code meetingId}: the coordination meeting
 * whose decision issued it, if any.
 */
public record IssueDirective(Actor actor, String directiveId, String expoId, String kind, String title, String instructions,
                             LocalDate dueOn, Instant dueAt, List<String> unitIds,
                             Map<String, BigDecimal> targets, Instant issuedAt, String meetingId) {
}
