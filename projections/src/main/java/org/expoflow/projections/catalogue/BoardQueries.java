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
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitDirectiveStatus;
import org.expoflow.projections.support.ReportingDue;
import org.expoflow.projections.support.Times;
import org.expoflow.projections.tasks.TaskReadings;
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
    private final TaskReadings tasks;
    private final Clock clock;

    public BoardQueries(JdbcTemplate jdbc, TaskReadings tasks, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tasks = tasks;
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
            return board(query.expoId(), asOf, tasks.tasksOfExpo(query.expoId(), asOf, present));
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
            List<TaskSummary> tasksThen = ids.isEmpty() ? List.of() : tasks.tasksOfDirectives(query.expoId(), ids, asOf, present);
            return board(query.expoId(), name, asOf, all, tasksThen, null, true);
        }
        // page 0 holds the newest directives; each page keeps the board's order, oldest first
        int size = query.size();
        int page = query.page() == null ? 0 : query.page();
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int end = Math.max(0, all.size() - page * size);
        List<BoardDirective> shown = all.subList(Math.max(0, end - size), end);
        List<String> ids = shown.stream().map(BoardDirective::directiveId).toList();
        List<TaskSummary> tasksThen = ids.isEmpty() ? List.of() : tasks.tasksOfDirectives(query.expoId(), ids, asOf, present);
        return board(query.expoId(), name, asOf, List.copyOf(shown), tasksThen,
                new Board.DirectivePage(page, size, all.size(), pages), true);
    }

    /** The directives of an expo issued to a unit, or on which it co-operates with the unit leading a task. */
    private Set<String> directivesOfUnit(String expoId, String unitId) {
        return new HashSet<>(jdbc.queryForList("select directive_id from directive_unit_view where expo_id = ?"
                + " and (unit_id = ? or ',' || cooperating_units || ',' like ?)", String.class, expoId, unitId, "%," + unitId + ",%"));
    }

    /** The board at {@code now} from the expo's tasks as they stood then, for a caller that has read them already. */
    public Board board(String expoId, Instant now, List<TaskSummary> tasksThen) {
        String name = expoName(expoId);
        return name == null ? null : board(expoId, name, now, directives(expoId, now), tasksThen, null, false);
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
                        List<TaskSummary> tasksThen, Board.DirectivePage page, boolean someDirectives) {
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
        Map<String, List<TaskSummary>> tasksByAssignment = new HashMap<>();
        for (TaskSummary task : tasksThen) {
            if (task.supervisedTaskId() != null) {
                continue; // a chase-up follows a step up; it is not a step of the directive
            }
            tasksByAssignment.computeIfAbsent(task.directiveId() + "/" + task.unitId(), k -> new ArrayList<>()).add(task);
        }
        Map<String, List<BoardCell>> cellsByUnit = new HashMap<>();
        Set<String> ownCells = new HashSet<>();
        assignments.forEach(assignment -> ownCells.add(assignment.directiveId() + "/" + assignment.unitId()));
        // a unit co-operating with several leads on one directive has one cell there, naming every lead
        Map<String, BoardCell> cooperationCells = new java.util.LinkedHashMap<>();
        for (Assignment assignment : assignments) {
            List<TaskSummary> assignmentTasks = tasksByAssignment.getOrDefault(
                    assignment.directiveId() + "/" + assignment.unitId(), List.of());
            BoardCell cell = cell(assignment, assignmentTasks, now);
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

    /** How one unit stands on one directive, judged from its tasks (the unit's own steps and the reviews of them). */
    static BoardCell cell(Assignment assignment, List<TaskSummary> tasks, Instant now) {
        List<TaskSummary> unitSteps = tasks.stream().filter(t -> !t.isOfficeStep()).toList();
        boolean awaitingReview = tasks.stream().anyMatch(t -> t.isOfficeStep() && t.isActive());
        boolean returned = unitSteps.stream().anyMatch(t -> t.isActive() && t.returnComment() != null
                && t.status() == TaskStatus.OPEN && t.latestReportAt() == null);
        boolean started = unitSteps.stream().anyMatch(t -> t.status() != TaskStatus.OPEN || t.latestReportAt() != null);
        UnitDirectiveStatus status;
        if (assignment.finishedAt() != null) {
            status = UnitDirectiveStatus.DONE;
        } else if (assignment.withdrawnAt() != null) {
            status = UnitDirectiveStatus.WITHDRAWN;
        } else if (awaitingReview) {
            status = UnitDirectiveStatus.SUBMITTED;
        } else if (returned) {
            status = UnitDirectiveStatus.RETURNED;
        } else if (started) {
            status = UnitDirectiveStatus.IN_PROGRESS;
        } else {
            status = UnitDirectiveStatus.NOT_STARTED;
        }
        // a unit waiting for the office's review has done its part: its steps' own percent, completed ones at 100
        int percent = status == UnitDirectiveStatus.DONE ? 100 : unitSteps.stream()
                .filter(step -> status == UnitDirectiveStatus.SUBMITTED || step.isActive())
                .mapToInt(TaskSummary::percent).max().orElse(0);
        Instant lastReport = unitSteps.stream().map(TaskSummary::latestReportAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        boolean open = status != UnitDirectiveStatus.DONE && status != UnitDirectiveStatus.WITHDRAWN;
        List<TaskSummary> openUnitSteps = unitSteps.stream().filter(TaskSummary::isActive).toList();
        Instant dueAt = openUnitSteps.stream().map(TaskSummary::dueAt).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(assignment.dueAt());
        boolean overdue = open && dueAt != null && dueAt.isBefore(now);
        boolean dueSoon = open && !overdue && openUnitSteps.stream().anyMatch(TaskSummary::dueSoon);
        boolean escalated = open && openUnitSteps.stream().anyMatch(t -> t.escalatedAt() != null);
        long returns = unitSteps.stream().filter(t -> t.returnComment() != null).count();
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
        Instant reportDueAt = open ? ReportingDue.after(assignment.reportEvery(), lastActivity(unitSteps, assignment.issuedAt()))
                : null;
        boolean reportOverdue = reportDueAt != null && reportDueAt.isBefore(now);
        if (reportOverdue && light != null) {
            light = Board.Light.RED;
        }
        return new BoardCell(assignment.directiveId(), assignment.unitId(), status, percent, dueAt, overdue, dueSoon,
                lastReport, escalated, light, reportDueAt, reportOverdue, assignment.cooperatingUnits(), null);
    }

    /** The latest a unit was heard of on a directive: its latest report or completed step, else the issue. */
    public static Instant lastActivity(List<TaskSummary> unitSteps, Instant issuedAt) {
        Instant last = issuedAt;
        for (TaskSummary step : unitSteps) {
            last = ReportingDue.heardOf(last, step.latestReportAt(), step.status() == TaskStatus.COMPLETED, step.closedAt());
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
