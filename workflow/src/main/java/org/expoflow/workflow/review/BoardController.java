package org.expoflow.workflow.review;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.Trend;
import org.expoflow.workflow.exports.ListExports;
import org.expoflow.workflow.kinds.FigureWords;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The REST door to {@link LeadershipReview}. */
@RestController
@RequestMapping("/api/expos/{expoId}")
@Tag(name = "Leadership review", description = "Board, figures, statistics, deadline lists and trend, as of any instant")
public class BoardController {

    private static final String AS_OF = "an ISO-8601 instant in the past, e.g. 2030-01-10T02:00:00Z; now when left out";

    private final LeadershipReview review;

    private static final String FORMAT = "json (default) or xlsx, a spreadsheet of the same rows";

    private final ListExports exports;
    private final FigureWords figureWords;

    public BoardController(LeadershipReview review, ListExports exports, FigureWords figureWords) {
        this.review = review;
        this.figureWords = figureWords;
        this.exports = exports;
    }

    @GetMapping("/board")
    @Operation(summary = "Unit x directive: status, percent, last report, overdue, due-soon and escalated flags",
            description = "Every directive of the expo, or with page and/or size one page of them, page 0 the newest;"
                    + " the answer's page says which, and how many there are")
    public Board board(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId,
                       @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                       @Parameter(description = "a page of the directives, 0 the newest") @RequestParam(required = false)
                       @Min(0) Integer page,
                       @Parameter(description = "directives a page, 1 to 200 (20 when only page is given)")
                       @RequestParam(required = false) @Min(1) @Max(200) Integer size) {
        return review.board(user, expoId, asOf, page, size);
    }

    @GetMapping("/figures")
    @Operation(summary = "Figures per unit, per directive and in total, against the targets; each figure's name and unit"
            + " as its kind declares them under figures")
    public ResponseEntity<?> figures(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId,
                                     @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                                     @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        if (exports.asFile(format)) {
            return exports.figures(expoId, review.figures(user, expoId, asOf)).download();
        }
        FiguresReport report = review.figures(user, expoId, asOf);
        Map<String, FigureWords.NamedFigure> named = new LinkedHashMap<>();
        report.total().keySet().forEach(key -> named.put(key, figureWords.of(key)));
        return ResponseEntity.ok(new NamedFigures(report, named));
    }

    /** The figures report, and the words of each figure in it: its name in the reader's language and its unit. */
    record NamedFigures(@JsonUnwrapped FiguresReport report, Map<String, FigureWords.NamedFigure> figures) {
    }

    @GetMapping("/statistics")
    @Operation(summary = "Per unit: on time, late, not yet due, overdue, no deadline; completion rate; days late; chase-ups")
    public ResponseEntity<?> statistics(@PathVariable String expoId,
                                        @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                                        @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        if (exports.asFile(format)) {
            return exports.statistics(expoId, review.statistics(expoId, asOf)).download();
        }
        return ResponseEntity.ok(review.statistics(expoId, asOf));
    }

    @GetMapping("/overdue")
    @Operation(summary = "Open unit steps past their deadline; sort by daysLate (default, most late first), unitId or directive")
    public ResponseEntity<?> overdue(@PathVariable String expoId,
                                @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                                @RequestParam(required = false) String sort,
                                @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        if (exports.asFile(format)) {
            return exports.deadlines(expoId, review.deadlines(expoId, asOf, false, sort), false).download();
        }
        return ResponseEntity.ok(review.deadlines(expoId, asOf, false, sort));
    }

    @GetMapping("/due-soon")
    @Operation(summary = "Open unit steps due soon (the kind's lead, three days unless it says otherwise); sort as for the overdue list")
    public ResponseEntity<?> dueSoon(@PathVariable String expoId,
                                @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                                @RequestParam(required = false) String sort,
                                @Parameter(description = FORMAT) @RequestParam(required = false) String format) {
        if (exports.asFile(format)) {
            return exports.deadlines(expoId, review.deadlines(expoId, asOf, true, sort == null ? "daysLate" : sort), true).download();
        }
        return ResponseEntity.ok(review.deadlines(expoId, asOf, true, sort == null ? "daysLate" : sort));
    }

    @GetMapping("/trend")
    @Operation(summary = "Per day since the expo was planned: unit steps given out and done (burn-up), and each figure's total")
    public Trend trend(@PathVariable String expoId,
                       @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return review.trend(expoId, asOf);
    }
}
