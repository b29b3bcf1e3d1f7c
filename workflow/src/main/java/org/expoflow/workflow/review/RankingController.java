package org.expoflow.workflow.review;

import java.util.Locale;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The REST door to {@link UnitRanking}: the month's ranking as JSON, or its notice (通报) as a PDF or a Word document;
 * and to {@link RankingWeights}, the weights the office scores its units by.
 */
@RestController
@Tag(name = "Leadership review")
public class RankingController {

    private final UnitRanking ranking;
    private final RankingNotice notice;
    private final UnitRegister register;
    private final RankingWeights weights;

    public RankingController(UnitRanking ranking, RankingNotice notice, UnitRegister register, RankingWeights weights) {
        this.ranking = ranking;
        this.notice = notice;
        this.register = register;
        this.weights = weights;
    }

    @GetMapping("/api/expos/{expoId}/ranking/weights")
    @Operation(summary = "The weights the expo's units are scored by: the office's own, or the configured defaults"
            + " (byDefault) until it sets them")
    public RankingWeights.InForce weights(@PathVariable String expoId) {
        return weights.inForce(expoId);
    }

    @PutMapping("/api/expos/{expoId}/ranking/weights")
    @Operation(summary = "The office (COORDINATOR) sets the weights of the expo's ranking: each 0 to 100 with at most two"
            + " decimals, at least one above 0; 400 naming each field at fault, and nothing is stored")
    public RankingWeights.InForce changeWeights(@PathVariable String expoId, @RequestBody RankingWeights.Change change) {
        return weights.change(expoId, change);
    }

    @GetMapping("/api/expos/{expoId}/ranking")
    @Operation(summary = "The units ranked for a month (考核评分): score, each part, the counts behind them, and the trend"
            + " against the month before; format=pdf or docx gives the month's notice (通报) naming the best and the worst")
    public ResponseEntity<?> ranking(@PathVariable String expoId,
                                     @Parameter(description = "yyyy-MM, e.g. 2030-01; the present month when left out")
                                     @RequestParam(required = false) String month,
                                     @Parameter(description = "json (default), pdf or docx") @RequestParam(required = false) String format,
                                     Locale locale) {
        boolean asNotice = format != null && !format.isBlank() && !format.equals("json");
        if (asNotice && !RankingNotice.FORMATS.contains(format)) {
            throw DomainRuleViolation.invalid("format", "format is json, pdf or docx, not " + format).coded("rankingFormat", format);
        }
        UnitRanking.Ranking ranked = ranking.ranking(expoId, ranking.month(month));
        if (asNotice) {
            return notice.of(ranked, register.namesFor(locale), locale, format).download();
        }
        return ResponseEntity.ok(ranked);
    }
}
