package org.expoflow.workflow.review;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FindBoard;
import org.expoflow.projections.api.FindDeadlineList;
import org.expoflow.projections.api.FigureTotals;
import org.expoflow.projections.api.FindFigureTotals;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.projections.api.FindStatistics;
import org.expoflow.projections.api.FindTrend;
import org.expoflow.projections.api.Trend;
import org.expoflow.projections.api.UnitStatistics;
import org.expoflow.projections.review.ReviewQueries;
import org.expoflow.workflow.application.PlanningWindow;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What leadership reviews before and during a coordination meeting: the board, the figures against
 * their targets, statistics per unit, the overdue and due-soon lists and the trend, each now or as it stood
 * at any past instant. A city user sees its own row of the board, on the directives issued to its unit only,
 * and its own figures; the rest is for the office and leadership. Units come in the register's order.
 */
@Service
public class LeadershipReview {

    private final QueryGateway queries;
    private final ExpoWork expos;
    private final Clock clock;
    private final ZoneId provinceZone;
    private final UnitRegister register;

    public LeadershipReview(QueryGateway queries, ExpoWork expos, Clock clock,
                            @Value("${expoflow.time-zone}") ZoneId provinceZone, UnitRegister register) {
        this.register = register;
        this.queries = queries;
        this.expos = expos;
        this.clock = clock;
        this.provinceZone = provinceZone;
    }

    /** Directives a page of the board holds when a page is asked for without its size. */
    public static final int BOARD_PAGE_SIZE = 20;

    public Board board(ExpoFlowUser user, String expoId, Instant asOf) {
        return board(user, expoId, asOf, null, null);
    }

    /** The board, or with {@code page} or {@code size} one page of its directives (page 0 the newest). */
    public Board board(ExpoFlowUser user, String expoId, Instant asOf, Integer page, Integer size) {
        expos.get(expoId);
        Integer pageSize = size == null && page != null ? Integer.valueOf(BOARD_PAGE_SIZE) : size;
        // a city's board holds only the directives issued to its unit (or on which it co-operates), paged as such
        Board board = register.inOrder(queries.query(new FindBoard(expoId, pastOrNow(asOf), page, pageSize,
                user.isCity() ? user.unitId() : null), Board.class).join());
        if (user.isCity()) {
            return new Board(board.expoId(), board.expoName(), board.asOf(), board.directives(),
                    board.units().stream().filter(unit -> unit.unitId().equals(user.unitId())).toList(), board.page());
        }
        return board;
    }

    /** The expo's figures summed over its units, against their targets: the board's totals; none for a unit's clerk. */
    public FigureTotals figureTotals(ExpoFlowUser user, String expoId, Instant asOf) {
        expos.get(expoId);
        FigureTotals totals = queries.query(new FindFigureTotals(expoId, pastOrNow(asOf), null), FigureTotals.class).join();
        return user.isCity() ? new FigureTotals(totals.expoId(), totals.asOf(), null, Map.of()) : totals;
    }

    public FiguresReport figures(ExpoFlowUser user, String expoId, Instant asOf) {
        expos.get(expoId);
        FiguresReport report = register.inOrder(queries.query(new FindFigures(expoId, pastOrNow(asOf)), FiguresReport.class).join());
        if (user.isCity()) {
            return new FiguresReport(report.expoId(), report.asOf(),
                    report.units().stream().filter(unit -> unit.unitId().equals(user.unitId())).toList(), List.of(), Map.of());
        }
        return report;
    }

    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    public UnitStatistics.Report statistics(String expoId, Instant asOf) {
        expos.get(expoId);
        UnitStatistics.Report report = queries.query(new FindStatistics(expoId, pastOrNow(asOf)), UnitStatistics.Report.class).join();
        return new UnitStatistics.Report(report.expoId(), report.asOf(), register.inOrder(report.units(), UnitStatistics::unitId));
    }

    /** Open unit steps past their deadline ({@code dueSoon}: due soon instead), sorted by {@code sort}. */
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    public DeadlineList deadlines(String expoId, Instant asOf, boolean dueSoon, String sort) {
        expos.get(expoId);
        if (sort != null && !ReviewQueries.SORT_KEYS.contains(sort.startsWith("-") ? sort.substring(1) : sort)) {
            throw DomainRuleViolation.invalid("sort", "sort by daysLate, unitId or directive, with a leading - to reverse")
                    .coded("deadlineSort", sort);
        }
        // no asOf: the present, which the read side answers from the current rows
        DeadlineList list = queries.query(new FindDeadlineList(expoId, asOf == null ? null : pastOrNow(asOf), dueSoon, sort),
                DeadlineList.class).join();
        if (list == null || sort == null || !sort.replaceFirst("^-", "").equals("unitId")) {
            return list;
        }
        // by unit is in the register's order (沈阳、大连、鞍山…), which the read side does not know
        Comparator<DeadlineList.Item> byUnit = Comparator.comparing(DeadlineList.Item::unitId, register.order());
        return new DeadlineList(list.expoId(), list.asOf(), list.items().stream()
                .sorted((sort.startsWith("-") ? byUnit.reversed() : byUnit).thenComparing(DeadlineList.Item::taskId)).toList());
    }

    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    public Trend trend(String expoId, Instant asOf) {
        expos.get(expoId);
        return queries.query(new FindTrend(expoId, pastOrNow(asOf), provinceZone), Trend.class).join();
    }

    /**
     * A past instant, or null for now: the read models answer the present from the rows as they stand (the
     * tasks, the figures in force) rather than from every version of the expo valid at this instant, which
     * at a province's scale is most of the answer's time. The future has not happened yet, and an instant
     * outside the planning window is refused like any other.
     */
    private Instant pastOrNow(Instant asOf) {
        if (asOf == null) {
            return null;
        }
        PlanningWindow.check("asOf", asOf);
        if (asOf.isAfter(clock.instant())) {
            throw DomainRuleViolation.invalid("asOf", "asOf " + asOf + " is in the future; ask for now by leaving it out")
                    .coded("asOfFuture", asOf);
        }
        return asOf;
    }
}
