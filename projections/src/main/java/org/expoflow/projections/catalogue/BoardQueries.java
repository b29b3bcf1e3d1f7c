package org.expoflow.projections.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.Board.BoardCell;
import org.expoflow.projections.api.Board.BoardDirective;
import org.expoflow.projections.api.Board.BoardUnit;
import org.expoflow.projections.api.FindBoard;
import org.expoflow.projections.api.FindCityPageOf;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitDirectiveStatus;
import org.expoflow.projections.support.ReportingDue;
import org.expoflow.projections.support.Times;
import org.expoflow.projections.tasks.BoardCellFacts;
import org.expoflow.projections.tasks.ExpoTaskReadings;
import org.expoflow.projections.tasks.KeptBoardCells;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The board leadership reads at a coordination meeting: for every enrolled unit and every directive
 * it received, where the unit stands, how far it got, and whether it is late or due soon; now, or as it
 * stood at any past instant (from the versions the projections keep, not by replaying events).
 */
@Component
public class BoardQueries {


    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ExpoTaskReadings tasks;
    private final KeptBoardCells keptCells;
    private final Clock clock;

    public BoardQueries(JdbcTemplate jdbc, ExpoTaskReadings tasks, KeptBoardCells keptCells, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tasks = tasks;
        this.keptCells = keptCells;
        this.clock = clock;
    }

    /** How far behind the straight line from issue to deadline a unit may fall, in percent, before it shows amber. */
    static final int PROGRESS_TOLERANCE = 25;

    private record Assignment(String directiveId, String unitId, Instant issuedAt, Instant dueAt, Instant finishedAt,
                              Instant withdrawnAt, String reportEvery, List<String> cooperatingUnits) {
    }

    @QueryHandler
    public Board board(FindBoard query) {
        Instant asOf = query.asOf() != null ? query.asOf() : clock.instant();
        boolean present = query.asOf() == null;
        if (!query.paged() && query.unitId() == null) {
            if (present) {
                String name = expoName(query.expoId());
                return name == null ? null : board(query.expoId(), name, asOf, directives(query.expoId(), asOf),
                        keptCells.cells(query.expoId(), null, asOf), null, false);
            }
            return board(query.expoId(), asOf, tasks.tasksOfExpo(query.expoId(), asOf, false));
        }
        String name = expoName(query.expoId());
        if (name == null) {
            return null;
        }
        List<BoardDirective> all = directives(query.expoId(), asOf);
        if (query.unitId() != null) {
            Set<String> ofUnit = directivesOfUnit(query.expoId(), query.unitId());
            all = all.stream().filter(directive -> ofUnit.contains(directive.directiveId())).toList();
        }
        if (!query.paged()) {
            List<String> ids = all.stream().map(BoardDirective::directiveId).toList();
            return board(query.expoId(), name, asOf, all, cells(query.expoId(), ids, asOf, present), null, true);
        }
        // page 0 holds the newest directives; each page keeps the board's order, oldest first
        int size = query.size();
        int page = query.page() == null ? 0 : query.page();
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int end = Math.max(0, all.size() - page * size);
        List<BoardDirective> shown = all.subList(Math.max(0, end - size), end);
        List<String> ids = shown.stream().map(BoardDirective::directiveId).toList();
        return board(query.expoId(), name, asOf, List.copyOf(shown), cells(query.expoId(), ids, asOf, present),
                new Board.DirectivePage(page, size, all.size(), pages), true);
    }

    @QueryHandler
    public Integer pageOf(FindCityPageOf query) {
        Set<String> ofUnit = directivesOfUnit(query.expoId(), query.unitId());
        List<String> all = directives(query.expoId(), clock.instant()).stream().map(BoardDirective::directiveId)
                .filter(ofUnit::contains).toList();
        int position = all.indexOf(query.directiveId());
        // page 0 holds the newest: counted from the end of the board's order
        return position < 0 ? 0 : (all.size() - 1 - position) / Math.max(1, query.size());
    }

    /** The cells of some directives: kept, for the present; gathered from their steps as they stood, for a past instant. */
    private Map<String, BoardCellFacts> cells(String expoId, List<String> directiveIds, Instant asOf, boolean present) {
        if (directiveIds.isEmpty()) {
            return Map.of();
        }
        return present ? keptCells.cells(expoId, directiveIds, asOf)
                : gathered(tasks.tasksOfDirectives(expoId, directiveIds, asOf, false));
    }

    /** Each cell's facts from the steps as they stood (not the chase-ups), by "directiveId/unitId". */
    private static Map<String, BoardCellFacts> gathered(List<TaskSummary> tasksThen) {
        Map<String, List<TaskSummary>> tasksByAssignment = new HashMap<>();
        for (TaskSummary task : tasksThen) {
            if (task.supervisedTaskId() != null) {
                continue; // a chase-up follows a step up; it is not a step of the directive
            }
            tasksByAssignment.computeIfAbsent(task.directive().directiveId() + "/" + task.directive().unitId(),
                    k -> new ArrayList<>()).add(task);
        }
        Map<String, BoardCellFacts> facts = new HashMap<>();
        tasksByAssignment.forEach((assignment, steps) -> facts.put(assignment, BoardCellFacts.of(steps)));
        return facts;
    }

    /**
     * The whole board of the present from every step of the expo, as it was read before its cells were kept: for the
     * province benchmark to compare with, and for the tests that hold the kept cells to it.
     */
    public Board boardFromSteps(String expoId) {
        Instant now = clock.instant();
        return board(expoId, now, tasks.tasksOfExpo(expoId, now, true));
    }

    /** The directives of an expo issued to a unit, or on which it co-operates with the unit leading a task. */
    private Set<String> directivesOfUnit(String expoId, String unitId) {
        return new HashSet<>(jdbc.queryForList("select directive_id from directive_unit_view where expo_id = ?"
                + " and (unit_id = ? or ',' || cooperating_units || ',' like ?)", String.class, expoId, unitId, "%," + unitId + ",%"));
    }

    /** The board at {@code now} from the expo's tasks as they stood then, for a caller that has read them already. */
    public Board board(String expoId, Instant now, List<TaskSummary> tasksThen) {
        String name = expoName(expoId);
        return name == null ? null : board(expoId, name, now, directives(expoId, now), gathered(tasksThen), null, false);
    }

    private String expoName(String expoId) {
        List<String> names = jdbc.queryForList("select name from expo_view where expo_id = ?", String.class, expoId);
        return names.isEmpty() ? null : names.get(0);
    }

    /** The directives issued by {@code now}, in the board's order. */
    private List<BoardDirective> directives(String expoId, Instant now) {
        return jdbc.query(
                "select directive_id, title, kind, issued_at, due_at, withdrawn_at, report_every from directive_view"
                        + " where expo_id = ? and issued_at <= ? order by issued_at, directive_id",
                (rs, n) -> {
                    Instant withdrawnAt = Times.instant(rs, "withdrawn_at");
                    return new BoardDirective(rs.getString("directive_id"), rs.getString("title"), rs.getString("kind"),
                            Times.instant(rs, "issued_at"), Times.instant(rs, "due_at"),
                            withdrawnAt != null && !withdrawnAt.isAfter(now) ? withdrawnAt : null, rs.getString("report_every"));
                }, expoId, Times.utc(now));
    }

    /** The board of {@code directives} (all the expo's, or a page of them) from their tasks as they stood at {@code now}. */
    private Board board(String expoId, String expoName, Instant now, List<BoardDirective> directives,
                        Map<String, BoardCellFacts> facts, Board.DirectivePage page, boolean someDirectives) {
        Map<String, BoardDirective> directiveById = new HashMap<>();
        directives.forEach(d -> directiveById.put(d.directiveId(), d));
        String ofDirectives = someDirectives ? " and directive_id in (:directives)" : "";
        List<Assignment> assignments = directives.isEmpty() ? List.of() : named.query(
                "select directive_id, unit_id, finished_at, cooperating_units from directive_unit_view where expo_id = :expo"
                        + ofDirectives,
                new MapSqlParameterSource("expo", expoId).addValue("directives", List.copyOf(directiveById.keySet())),
                (rs, n) -> {
                    BoardDirective directive = directiveById.get(rs.getString("directive_id"));
                    if (directive == null) {
                        return null; // issued after the instant asked for
                    }
                    Instant finishedAt = Times.instant(rs, "finished_at");
                    String cooperating = rs.getString("cooperating_units");
                    return new Assignment(directive.directiveId(), rs.getString("unit_id"), directive.issuedAt(), directive.dueAt(),
                            finishedAt != null && !finishedAt.isAfter(now) ? finishedAt : null, directive.withdrawnAt(),
                            directive.reportEvery(), cooperating == null ? List.of() : List.of(cooperating.split(",")));
                }).stream().filter(java.util.Objects::nonNull).toList();
        Map<String, List<BoardCell>> cellsByUnit = new HashMap<>();
        Set<String> ownCells = new HashSet<>();
        assignments.forEach(assignment -> ownCells.add(assignment.directiveId() + "/" + assignment.unitId()));
        // a unit co-operating with several leads on one directive has one cell there, naming every lead
        Map<String, BoardCell> cooperationCells = new java.util.LinkedHashMap<>();
        for (Assignment assignment : assignments) {
            BoardCell cell = cell(assignment, facts.getOrDefault(assignment.directiveId() + "/" + assignment.unitId(),
                    BoardCellFacts.of(List.of())), now);
            cellsByUnit.computeIfAbsent(assignment.unitId(), u -> new ArrayList<>()).add(cell);
            for (String cooperating : assignment.cooperatingUnits()) {
                // a unit that received the directive itself shows its own task there, not its co-operation
                String key = assignment.directiveId() + "/" + cooperating;
                if (!ownCells.contains(key)) {
                    cooperationCells.merge(key, cell.asCooperation(cooperating), BoardCell::alsoCooperatingWith);
                }
            }
        }
        cooperationCells.values().forEach(cell -> cellsByUnit.computeIfAbsent(cell.unitId(), u -> new ArrayList<>()).add(cell));
        Map<String, Integer> directiveOrder = new HashMap<>();
        for (int i = 0; i < directives.size(); i++) {
            directiveOrder.put(directives.get(i).directiveId(), i);
        }
        List<BoardUnit> units = jdbc.query("select unit_id, name from expo_unit_view where expo_id = ?"
                        + " and (enrolled_at is null or enrolled_at <= ?) order by unit_id",
                (rs, n) -> {
                    List<BoardCell> cells = new ArrayList<>(cellsByUnit.getOrDefault(rs.getString("unit_id"), List.of()));
                    cells.sort(Comparator.comparing(c -> directiveOrder.getOrDefault(c.directiveId(), Integer.MAX_VALUE)));
                    return new BoardUnit(rs.getString("unit_id"), rs.getString("name"), List.copyOf(cells));
                }, expoId, Times.utc(now));
        return new Board(expoId, expoName, now, directives, units, page);
    }

    /** How one unit stands on one directive, judged from the facts of its steps (the unit's own and the reviews of them). */
    static BoardCell cell(Assignment assignment, BoardCellFacts facts, Instant now) {
        UnitDirectiveStatus status;
        if (assignment.finishedAt() != null) {
            status = UnitDirectiveStatus.DONE;
        } else if (assignment.withdrawnAt() != null) {
            status = UnitDirectiveStatus.WITHDRAWN;
        } else if (facts.officeStepsOpen() > 0) {
            status = UnitDirectiveStatus.SUBMITTED;
        } else if (facts.returnedOpen() > 0) {
            status = UnitDirectiveStatus.RETURNED;
        } else if (facts.started() > 0) {
            status = UnitDirectiveStatus.IN_PROGRESS;
        } else {
            status = UnitDirectiveStatus.NOT_STARTED;
        }
        // a unit waiting for the office's review has done its part: its steps' own percent, completed ones at 100
        int percent = status == UnitDirectiveStatus.DONE ? 100
                : status == UnitDirectiveStatus.SUBMITTED ? facts.anyPercent() : facts.openPercent();
        boolean open = status != UnitDirectiveStatus.DONE && status != UnitDirectiveStatus.WITHDRAWN;
        Instant dueAt = facts.openDueAt() != null ? facts.openDueAt() : assignment.dueAt();
        boolean overdue = open && dueAt != null && dueAt.isBefore(now);
        boolean dueSoon = open && !overdue && facts.openDueSoon();
        boolean escalated = open && facts.openEscalated() > 0;
        long returns = facts.returns();
        Board.Light light;
        if (status == UnitDirectiveStatus.WITHDRAWN) {
            light = null;
        } else if (!open) {
            light = Board.Light.GREEN;
        } else if (overdue || returns >= 2) {
            light = Board.Light.RED;
        } else if (returns >= 1 || dueSoon || percent + PROGRESS_TOLERANCE < expectedPercent(assignment.issuedAt(), dueAt, now)) {
            light = Board.Light.AMBER;
        } else {
            light = Board.Light.GREEN;
        }
        Instant reportDueAt = open ? ReportingDue.after(assignment.reportEvery(), facts.lastActivity(assignment.issuedAt())) : null;
        boolean reportOverdue = reportDueAt != null && reportDueAt.isBefore(now);
        if (reportOverdue && light != null) {
            light = Board.Light.RED;
        }
        return new BoardCell(assignment.directiveId(), assignment.unitId(), status, percent, dueAt, overdue, dueSoon,
                facts.lastReportAt(), escalated, light, reportDueAt, reportOverdue, assignment.cooperatingUnits(), null);
    }

    /** The latest a unit was heard of on a directive: its latest report or completed step, else the issue. */
    public static Instant lastActivity(List<TaskSummary> unitSteps, Instant issuedAt) {
        Instant last = issuedAt;
        for (TaskSummary step : unitSteps) {
            last = ReportingDue.heardOf(last, step.progress().latestReportAt(), step.status() == TaskStatus.COMPLETED,
                    step.closedAt());
        }
        return last;
    }

    /** The share of its time a directive has used up by {@code now}, as the percent a steady unit would be at. */
    static int expectedPercent(Instant issuedAt, Instant dueAt, Instant now) {
        if (issuedAt == null || dueAt == null || !dueAt.isAfter(issuedAt)) {
            return 0;
        }
        double used = (double) Duration.between(issuedAt, now).toSeconds() / Duration.between(issuedAt, dueAt).toSeconds();
        return (int) Math.round(Math.max(0, Math.min(1, used)) * 100);
    }

}
