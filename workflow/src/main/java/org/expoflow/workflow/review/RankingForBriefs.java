package org.expoflow.workflow.review;

import java.time.YearMonth;
import java.util.List;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.briefs.BriefRanking;
import org.springframework.stereotype.Component;

/** The review's ranking of units, as a brief names it. */
@Component
class RankingForBriefs implements BriefRanking {

    private final UnitRanking ranking;

    RankingForBriefs(UnitRanking ranking) {
        this.ranking = ranking;
    }

    @Override
    public List<Standing> standings(String expoId, YearMonth month) {
        try {
            return ranking.ranking(expoId, month).units().stream()
                    .map(unit -> new Standing(unit.rank(), unit.unitId(), unit.score(), unit.trend())).toList();
        } catch (DomainRuleViolation untold) {
            // a month the ranking cannot tell (outside the planning window): the brief names no ranking
            return List.of();
        }
    }
}
