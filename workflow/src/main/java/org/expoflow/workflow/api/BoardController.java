package org.expoflow.workflow.api;

import org.expoflow.commands.api.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FindBoard;
import org.expoflow.projections.api.FindDeadlineList;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.projections.api.FindStatistics;
import org.expoflow.projections.api.FindTrend;
import org.expoflow.projections.api.Trend;
import org.expoflow.projections.api.UnitStatistics;
import org.expoflow.projections.review.ReviewQueries;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What leadership reviews: the board, the figures, statistics per unit, overdue and due-soon lists and
 * the trend, each now or as it stood at any past instant ({@code asOf}). A city user sees its own row of
 * the board and its own figures; the rest is for the office and leadership.
 */
@RestController
@RequestMapping("/api/expos/{expoId}")
@Tag(name = "Leadership review", description = "Board, figures, statistics, deadline lists and trend, as of any instant")
public class BoardController {

    private static final String AS_OF = "an ISO-8601 instant in the past, e.g. 2030-01-10T02:00:00Z; now when left out";

    private final QueryGateway queries;
    private final Clock clock;
    private final ZoneId provinceZone;

    public BoardController(QueryGateway queries, Clock clock, @Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.queries = queries;
        this.clock = clock;
        this.provinceZone = provinceZone;
    }

    @GetMapping("/board")
    @Operation(summary = "Unit x directive: status, percent, last report, overdue, due-soon and escalated flags")
    public Board board(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId,
                       @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        ExpoController.ExpoLookup.require(queries, expoId);
        Board board = queries.query(new FindBoard(expoId, pastOrNow(asOf)), Board.class).join();
        if (user.isCity()) {
            return new Board(board.expoId(), board.expoName(), board.asOf(), board.directives(),
                    board.units().stream().filter(unit -> unit.unitId().equals(user.unitId())).toList());
        }
        return board;
    }

    @GetMapping("/figures")
    @Operation(summary = "Figures per unit, per directive and in total, against the targets")
    public FiguresReport figures(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId,
                                 @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        ExpoController.ExpoLookup.require(queries, expoId);
        FiguresReport report = queries.query(new FindFigures(expoId, pastOrNow(asOf)), FiguresReport.class).join();
        if (user.isCity()) {
            return new FiguresReport(report.expoId(), report.asOf(),
                    report.units().stream().filter(unit -> unit.unitId().equals(user.unitId())).toList(),
                    java.util.List.of(), java.util.Map.of());
        }
        return report;
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    @Operation(summary = "Per unit: on time, late, not yet due, overdue, no deadline; completion rate; days late; chase-ups")
    public UnitStatistics.Report statistics(@PathVariable String expoId,
                                            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        ExpoController.ExpoLookup.require(queries, expoId);
        return queries.query(new FindStatistics(expoId, pastOrNow(asOf)), UnitStatistics.Report.class).join();
    }

    @GetMapping("/overdue")
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    @Operation(summary = "Open unit steps past their deadline; sort by daysLate (default, most late first), unitId or directive")
    public DeadlineList overdue(@PathVariable String expoId,
                                @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                                @RequestParam(required = false) String sort) {
        return deadlineList(expoId, asOf, false, sort);
    }

    @GetMapping("/due-soon")
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    @Operation(summary = "Open unit steps due within three days; sort as for the overdue list")
    public DeadlineList dueSoon(@PathVariable String expoId,
                                @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                                @RequestParam(required = false) String sort) {
        return deadlineList(expoId, asOf, true, sort == null ? "daysLate" : sort);
    }

    @GetMapping("/trend")
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    @Operation(summary = "Per day since the expo was planned: unit steps given out and done (burn-up), and each figure's total")
    public Trend trend(@PathVariable String expoId,
                       @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        ExpoController.ExpoLookup.require(queries, expoId);
        return queries.query(new FindTrend(expoId, pastOrNow(asOf), provinceZone), Trend.class).join();
    }

    private DeadlineList deadlineList(String expoId, Instant asOf, boolean dueSoon, String sort) {
        ExpoController.ExpoLookup.require(queries, expoId);
        if (sort != null && !ReviewQueries.SORT_KEYS.contains(sort.startsWith("-") ? sort.substring(1) : sort)) {
            throw DomainRuleViolation.invalid("sort", "sort by daysLate, unitId or directive, with a leading - to reverse");
        }
        // no asOf: the present, which the read side answers from the current rows
        return queries.query(new FindDeadlineList(expoId, asOf == null ? null : pastOrNow(asOf), dueSoon, sort),
                DeadlineList.class).join();
    }

    /** As of a past instant, or now; the future has not happened yet. */
    private Instant pastOrNow(Instant asOf) {
        Instant now = clock.instant();
        if (asOf == null) {
            return now;
        }
        if (asOf.isAfter(now)) {
            throw DomainRuleViolation.invalid("asOf", "asOf " + asOf + " is in the future; ask for now by leaving it out");
        }
        return asOf;
    }
}
