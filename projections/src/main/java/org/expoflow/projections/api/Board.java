package org.expoflow.projections.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Unit x directive: where every enrolled unit stands on every directive of an expo, or, when {@code page} says
 * so, on one page of its directives (a province's expo issues hundreds: page 0 holds the newest).
 */
public record Board(String expoId, String expoName, Instant asOf, List<BoardDirective> directives,
                    List<BoardUnit> units, @JsonInclude(JsonInclude.Include.NON_NULL) DirectivePage page) {

    public Board(String expoId, String expoName, Instant asOf, List<BoardDirective> directives, List<BoardUnit> units) {
        this(expoId, expoName, asOf, directives, units, null);
    }

    /** Which directives a paged board holds: page {@code page} of {@code pages}, {@code size} a page, of {@code total}. */
    public record DirectivePage(int page, int size, int total, int pages) {

        public boolean hasNewer() {
            return page > 0;
        }

        public boolean hasOlder() {
            return page + 1 < pages;
        }
    }

    /** {@code reportEvery}: the period in which each unit reports its progress until done (ISO-8601), or null. */
    public record BoardDirective(String directiveId, String title, String kind, Instant issuedAt, Instant dueAt,
                                 Instant withdrawnAt, String reportEvery) {
    }

    public record BoardUnit(String unitId, String name, List<BoardCell> cells) {

        /**
         * The unit's cells in the order of {@code columns}, null where it has none: a row of the board as a grid, found
         * once rather than looked for in every column (a page's template spent most of its time looking).
         */
        public List<BoardCell> cellsIn(List<BoardDirective> columns) {
            Map<String, BoardCell> byDirective = new HashMap<>();
            cells.forEach(cell -> byDirective.putIfAbsent(cell.directiveId(), cell));
            List<BoardCell> row = new ArrayList<>(columns.size());
            columns.forEach(column -> row.add(byDirective.get(column.directiveId())));
            return row;
        }
    }

    /**
     * One unit on one directive. {@code dueAt}: the earliest deadline in force among the unit's open steps,
     * else the directive's. {@code overdue}: not done and past it; {@code dueSoon}: not done, not overdue, and an
     * open step of the unit is due soon by its own supervision (the lead its kind declares, else the configured
     * one: what the unit's task list says too); {@code escalated}: an open step of the unit was escalated to leadership. {@code light}:
     * red when overdue or returned for rework twice, amber when returned once, due soon or well behind the progress expected
     * by now (the time gone since the directive was issued, as a share of the time it allowed), else green;
     * none once withdrawn. On a directive that wants reports every so often, {@code reportDueAt} is when the unit
     * owes its next one and {@code reportOverdue} says it is missing (red, as any overdue work). A lead unit's cell
     * names its {@code cooperatingUnits} (协办); a unit co-operating on another's task has a cell of its own on that
     * directive, the lead's task as it stands, naming the lead in {@code cooperatesWith}; co-operating with several
     * leads on one directive, the cell names them all in {@code leadUnits} and shows the lead's task that stands worst.
     */
    public record BoardCell(String directiveId, String unitId, UnitDirectiveStatus status, int percent,
                            Instant dueAt, boolean overdue, boolean dueSoon, Instant lastReportAt, boolean escalated,
                            Light light, Instant reportDueAt, boolean reportOverdue, List<String> cooperatingUnits,
                            String cooperatesWith, List<String> leadUnits) {

        public BoardCell(String directiveId, String unitId, UnitDirectiveStatus status, int percent,
                         Instant dueAt, boolean overdue, boolean dueSoon, Instant lastReportAt, boolean escalated,
                         Light light, Instant reportDueAt, boolean reportOverdue, List<String> cooperatingUnits,
                         String cooperatesWith) {
            this(directiveId, unitId, status, percent, dueAt, overdue, dueSoon, lastReportAt, escalated, light, reportDueAt,
                    reportOverdue, cooperatingUnits, cooperatesWith, cooperatesWith == null ? List.of() : List.of(cooperatesWith));
        }

        /** The lead's cell as a co-operating unit's row shows it. */
        public BoardCell asCooperation(String cooperatingUnitId) {
            return new BoardCell(directiveId, cooperatingUnitId, status, percent, dueAt, overdue, dueSoon, lastReportAt,
                    escalated, light, reportDueAt, reportOverdue, List.of(), unitId);
        }

        /**
         * A co-operating unit's cell that also helps {@code other}'s lead: both leads named, the one whose task stands
         * worse shown (red before amber before green), the first named as before.
         */
        public BoardCell alsoCooperatingWith(BoardCell other) {
            List<String> leads = new java.util.ArrayList<>(leadUnits);
            other.leadUnits().stream().filter(lead -> !leads.contains(lead)).forEach(leads::add);
            BoardCell shown = rank(other.light()) < rank(light) ? other : this;
            return new BoardCell(directiveId, unitId, shown.status(), shown.percent(), shown.dueAt(), shown.overdue(),
                    shown.dueSoon(), shown.lastReportAt(), shown.escalated(), shown.light(), shown.reportDueAt(),
                    shown.reportOverdue(), List.of(), cooperatesWith, List.copyOf(leads));
        }

        /** The cell with the units it names (its co-operating units, its leads) in {@code order}. */
        public BoardCell withUnitsIn(java.util.Comparator<String> order) {
            return new BoardCell(directiveId, unitId, status, percent, dueAt, overdue, dueSoon, lastReportAt, escalated, light,
                    reportDueAt, reportOverdue, cooperatingUnits.stream().sorted(order).toList(), cooperatesWith,
                    leadUnits.stream().sorted(order).toList());
        }

        private static int rank(Light light) {
            return light == null ? Light.values().length : light.ordinal();
        }
    }

    public enum Light { RED, AMBER, GREEN }
}
