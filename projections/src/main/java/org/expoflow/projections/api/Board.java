package org.expoflow.projections.api;

import java.time.Instant;
import java.util.List;

/** Unit x directive: where every enrolled unit stands on every directive of an expo. */
public record Board(String expoId, String expoName, Instant asOf, List<BoardDirective> directives,
                    List<BoardUnit> units) {

    public record BoardDirective(String directiveId, String title, String kind, Instant issuedAt, Instant dueAt,
                                 Instant withdrawnAt) {
    }

    public record BoardUnit(String unitId, String name, List<BoardCell> cells) {
    }

    /**
     * One unit on one directive. {@code dueAt}: the earliest deadline in force among the unit's open steps,
     * else the directive's. {@code overdue}: not done and past it; {@code dueSoon}: not done, not overdue, and an
     * open step of the unit is due soon by its own supervision (the lead its kind declares, else the configured
     * one: what the unit's task list says too); {@code escalated}: an open step of the unit was escalated to leadership. {@code light}:
     * red when overdue or returned for rework twice, amber when returned once, due soon or well behind the progress expected
     * by now (the time gone since the directive was issued, as a share of the time it allowed), else green;
     * none once withdrawn.
     */
    public record BoardCell(String directiveId, String unitId, UnitDirectiveStatus status, int percent,
                            Instant dueAt, boolean overdue, boolean dueSoon, Instant lastReportAt, boolean escalated,
                            Light light) {
    }

    public enum Light { RED, AMBER, GREEN }
}
