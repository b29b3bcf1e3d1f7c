package org.expoflow.commands.api.directive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.expoflow.commands.api.OfDirective;

/**
 * A directive issued. {@code reportEvery}: the period in which each unit reports progress until done (none when
 * null; directives issued before there was a cadence have none). {@code cooperatingUnits}: per lead unit, its
 * co-operating units (empty when none; null in events written before).
 */
public record DirectiveIssued(String directiveId, String expoId, String kind, String title, String instructions,
                              LocalDate dueOn, Instant dueAt, List<String> unitIds,
                              Map<String, BigDecimal> targets, String meetingId, String reportEvery,
                              Map<String, List<String>> cooperatingUnits) implements OfDirective {

    /** A directive without reporting cadence or co-operating units. */
    public DirectiveIssued(String directiveId, String expoId, String kind, String title, String instructions,
                           LocalDate dueOn, Instant dueAt, List<String> unitIds, Map<String, BigDecimal> targets,
                           String meetingId) {
        this(directiveId, expoId, kind, title, instructions, dueOn, dueAt, unitIds, targets, meetingId, null, Map.of());
    }

    /** The units co-operating on a lead unit's task. */
    public List<String> cooperatingUnitsOf(String leadUnitId) {
        return cooperatingUnits == null ? List.of() : cooperatingUnits.getOrDefault(leadUnitId, List.of());
    }
}
