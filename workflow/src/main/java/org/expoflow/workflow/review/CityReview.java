package org.expoflow.workflow.review;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.projections.api.FigureTotals;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FindBoard;
import org.expoflow.projections.api.FindCityPageOf;
import org.expoflow.projections.api.FindFigureTotals;
import org.expoflow.projections.api.FindTaskSummaries;
import org.expoflow.projections.api.FindFirstTasks;
import org.expoflow.projections.api.FindUnitHistory;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitHistory;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * One city (or department) as leadership and the office review it: where it stands on each directive it received, its
 * figures against their targets, its open steps with the overdue, chased-up, returned ones and its requests for more
 * time, and what happened lately. A unit's own clerk reviews its own unit, and no other.
 */
@Service
public class CityReview {

    /** The open steps the page lists, most urgent first; a province's city has a few dozen open at once. */
    static final int OPEN_STEPS = 500;

    /** The latest steps the page lists whatever their state, for the returns and chase-ups since done. */
    static final int RECENT_STEPS = 100;

    static final int HISTORY = 40;

    private final QueryGateway queries;
    private final ExpoWork expos;
    private final UnitRegister register;

    public CityReview(QueryGateway queries, ExpoWork expos, UnitRegister register) {
        this.queries = queries;
        this.expos = expos;
        this.register = register;
    }

    /** The directives the page shows at once, the newest first, as the board shows them. */
    static final int DIRECTIVES_PAGE_SIZE = LeadershipReview.BOARD_PAGE_SIZE;

    /**
     * The city's review: {@code board} its row of the board on a page of its own directives ({@code board.page()} says
     * which), each in {@code directives} with its cell and its open steps; {@code figures} its figures against their
     * targets (none when it has none); {@code openSteps} its steps open now, soonest due first; {@code recentSteps}
     * its latest steps; {@code history} its latest events, each with its step in {@code historySteps}.
     */
    public record City(ExpoSummary expo, String unitId, Board board, List<DirectiveRow> directives,
                       Map<String, FiguresReport.FigureAgainstTarget> figures,
                       List<TaskSummary> openSteps, List<TaskSummary> recentSteps, List<UnitHistory.Entry> history,
                       Map<String, TaskSummary> historySteps) {

        /** A directive the city received (or co-operates on), where the city stands on it, and its steps open there. */
        public record DirectiveRow(Board.BoardDirective directive, Board.BoardCell cell, List<TaskSummary> openSteps) {
        }

        static List<DirectiveRow> rows(Board board, String unitId, List<TaskSummary> openSteps) {
            Map<String, Board.BoardDirective> directiveById = new HashMap<>();
            board.directives().forEach(directive -> directiveById.put(directive.directiveId(), directive));
            Map<String, List<TaskSummary>> openByDirective = openSteps.stream()
                    .collect(Collectors.groupingBy(step -> step.directive().directiveId()));
            List<DirectiveRow> rows = new java.util.ArrayList<>(board.units().stream().filter(unit -> unit.unitId().equals(unitId))
                    .findFirst().map(Board.BoardUnit::cells).orElse(List.of()).stream()
                    .filter(cell -> directiveById.containsKey(cell.directiveId()))
                    .map(cell -> new DirectiveRow(directiveById.get(cell.directiveId()), cell,
                            openByDirective.getOrDefault(cell.directiveId(), List.of())))
                    .toList());
            // the board's columns run oldest to newest; a city's list reads as its pages do, the newest first
            java.util.Collections.reverse(rows);
            return List.copyOf(rows);
        }

        /** The city's name as the board has it, for when the register has none. */
        public String unitName() {
            return board.units().stream().filter(unit -> unit.unitId().equals(unitId)).findFirst()
                    .map(Board.BoardUnit::name).orElse(unitId);
        }

        public List<TaskSummary> overdue() {
            return openSteps.stream().filter(step -> step.deadline().overdue()).toList();
        }

        public List<TaskSummary> extensionRequests() {
            return openSteps.stream().filter(step -> step.deadline().extensionAsked()).toList();
        }

        /** Its steps chased up (or reminded, 催办), the open ones and the latest done. */
        public List<TaskSummary> chasedUp() {
            return steps().stream().filter(step -> step.supervisedTaskId() == null
                    && step.chaseUp().sent()).toList();
        }

        /** Its steps sent back for rework, the open ones and the latest done. */
        public List<TaskSummary> returned() {
            return steps().stream().filter(step -> step.returnComment() != null && !step.isOfficeStep()).toList();
        }

        private List<TaskSummary> steps() {
            Map<String, TaskSummary> steps = new LinkedHashMap<>();
            openSteps.forEach(step -> steps.put(step.id(), step));
            recentSteps.forEach(step -> steps.putIfAbsent(step.id(), step));
            return List.copyOf(steps.values());
        }
    }

    /** The page of the city's directives that holds {@code directiveId}, the newest page when none does. */
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR', 'ADMIN', 'CITY')")
    public int pageOf(String expoId, String unitId, String directiveId) {
        return queries.query(new FindCityPageOf(expoId, unitId, directiveId, DIRECTIVES_PAGE_SIZE), Integer.class).join();
    }

    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR', 'ADMIN', 'CITY')")
    public City city(ExpoFlowUser user, String expoId, String unitId, int page) {
        if (user.isCity() && !unitId.equals(user.unitId())) {
            throw new AccessDeniedException("a unit's clerk reviews its own unit only");
        }
        ExpoSummary expo = expos.get(expoId);
        if (expo.units().stream().noneMatch(unit -> unit.unitId().equals(unitId))) {
            throw DomainRuleViolation.notFound("unitId", "unit " + unitId + " is not enrolled in expo " + expoId)
                    .coded("notEnrolled", unitId);
        }
        Board board = register.inOrder(queries.query(new FindBoard(expoId, null, Math.max(0, page), DIRECTIVES_PAGE_SIZE, unitId), Board.class).join());
        if (board.page() != null && board.page().page() >= board.page().pages()) {
            // a page past the last (an old link, a typed address) shows the last, not an empty "page 6 of 2"
            board = register.inOrder(queries.query(new FindBoard(expoId, null, board.page().pages() - 1, DIRECTIVES_PAGE_SIZE, unitId),
                    Board.class).join());
        }
        Map<String, FiguresReport.FigureAgainstTarget> ownFigures = queries.query(new FindFigureTotals(expoId, null, unitId),
                FigureTotals.class).join().total();
        List<TaskSummary> open = queries.query(new FindFirstTasks(expoId, unitId, "ACTIVE", OPEN_STEPS, "dueAt"),
                ResponseTypes.multipleInstancesOf(TaskSummary.class)).join();
        List<TaskSummary> recent = queries.query(new FindFirstTasks(expoId, unitId, null, RECENT_STEPS, "-assignedAt"),
                ResponseTypes.multipleInstancesOf(TaskSummary.class)).join();
        UnitHistory history = queries.query(new FindUnitHistory(expoId, unitId, HISTORY), UnitHistory.class).join();
        Map<String, TaskSummary> historySteps = new LinkedHashMap<>();
        open.forEach(step -> historySteps.put(step.id(), step));
        recent.forEach(step -> historySteps.putIfAbsent(step.id(), step));
        List<String> unread = history.entries().stream().map(UnitHistory.Entry::taskId)
                .filter(taskId -> !historySteps.containsKey(taskId)).distinct().toList();
        if (!unread.isEmpty()) {
            queries.query(new FindTaskSummaries(unread), ResponseTypes.multipleInstancesOf(TaskSummary.class)).join()
                    .forEach(step -> historySteps.put(step.id(), step));
        }
        return new City(expo, unitId, board, City.rows(board, unitId, open), ownFigures, open, recent,
                history.entries().stream().filter(entry -> historySteps.containsKey(entry.taskId())).toList(), historySteps);
    }
}
