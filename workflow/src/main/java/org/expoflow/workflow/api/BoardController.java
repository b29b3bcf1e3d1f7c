package org.expoflow.workflow.api;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FindBoard;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What leadership reviews: the board and the figures. A city user sees its own row only. */
@RestController
@RequestMapping("/api/expos/{expoId}")
@Tag(name = "Leadership review", description = "The unit x directive board and the figures against targets")
public class BoardController {

    private final QueryGateway queries;

    public BoardController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/board")
    @Operation(summary = "Unit x directive: status, percent, overdue and due-soon flags")
    public Board board(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId) {
        ExpoController.ExpoLookup.require(queries, expoId);
        Board board = queries.query(new FindBoard(expoId), Board.class).join();
        if (user.isCity()) {
            return new Board(board.expoId(), board.expoName(), board.asOf(), board.directives(),
                    board.units().stream().filter(unit -> unit.unitId().equals(user.unitId())).toList());
        }
        return board;
    }

    @GetMapping("/figures")
    @Operation(summary = "Figures per unit and in total, against the targets")
    public FiguresReport figures(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId) {
        ExpoController.ExpoLookup.require(queries, expoId);
        FiguresReport report = queries.query(new FindFigures(expoId), FiguresReport.class).join();
        if (user.isCity()) {
            return new FiguresReport(report.expoId(),
                    report.units().stream().filter(unit -> unit.unitId().equals(user.unitId())).toList(), java.util.Map.of());
        }
        return report;
    }
}
