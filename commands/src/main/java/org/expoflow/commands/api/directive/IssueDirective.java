package org.expoflow.commands.api.directive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.expoflow.commands.api.Actor;

/**
 * A coordinator issues a directive of a kind (a deployed BPMN) to units, due at an instant.
 * {@code issuedAt} is when the coordinator asked, against which the deadline is judged.
 * Targets are per unit: each unit is expected to reach them. {@code meetingId}: the coordination meeting
 * whose decision issued it, if any. {@code reportEvery}: how often each unit reports its progress until it is
 * done, an ISO-8601 period of at least a day ({@code P7D}, {@code P1M}), or none. {@code cooperatingUnits}: per
 * unit that leads its task (牵头), the units that co-operate on it (协办). {@code kindFigures}: the figure keys the
 * kind declares, the only ones a target may name.
 */
public record IssueDirective(Actor actor, String directiveId, String expoId, String kind, String title, String instructions,
                             LocalDate dueOn, Instant dueAt, List<String> unitIds,
                             Map<String, BigDecimal> targets, Instant issuedAt, String meetingId, String reportEvery,
                             Map<String, List<String>> cooperatingUnits, Set<String> kindFigures) {

    /** A directive whose kind's figures are untold: its targets name those the bundled kinds declared before kinds told theirs. */
    public IssueDirective(Actor actor, String directiveId, String expoId, String kind, String title, String instructions,
                          LocalDate dueOn, Instant dueAt, List<String> unitIds, Map<String, BigDecimal> targets,
                          Instant issuedAt, String meetingId, String reportEvery, Map<String, List<String>> cooperatingUnits) {
        this(actor, directiveId, expoId, kind, title, instructions, dueOn, dueAt, unitIds, targets, issuedAt, meetingId,
                reportEvery, cooperatingUnits, null);
    }

    /** A directive without reporting cadence or co-operating units. */
    public IssueDirective(Actor actor, String directiveId, String expoId, String kind, String title, String instructions,
                          LocalDate dueOn, Instant dueAt, List<String> unitIds, Map<String, BigDecimal> targets,
                          Instant issuedAt, String meetingId) {
        this(actor, directiveId, expoId, kind, title, instructions, dueOn, dueAt, unitIds, targets, issuedAt, meetingId,
                null, Map.of(), null);
    }
}
