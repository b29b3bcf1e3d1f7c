package org.expoflow.workflow.review;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The month's ranking of units (考核评分) as a page linked from the board, with its notice (通报) to download. */
@Controller
@PageDoor
@PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
class RankingPages {

    private final UnitRanking ranking;
    private final PageErrors pageErrors;

    RankingPages(UnitRanking ranking, PageErrors pageErrors) {
        this.ranking = ranking;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/board/{expoId}/ranking")
    String ranking(@PathVariable String expoId, @RequestParam(required = false) String month, Model model) {
        UnitRanking.Ranking ranked;
        try {
            ranked = ranking.ranking(expoId, ranking.month(month));
        } catch (DomainRuleViolation refused) {
            if (refused.kind() != DomainRuleViolation.Kind.INVALID) {
                throw refused;
            }
            model.addAttribute(PageErrors.ERROR, pageErrors.sentence(refused));
            model.addAttribute(PageErrors.ERROR_FIELD, "month");
            model.addAttribute("askedMonth", month);
            ranked = ranking.ranking(expoId, ranking.month(null));
        }
        model.addAttribute("ranking", ranked);
        return "ranking";
    }
}
