package org.expoflow.workflow.review;

import java.util.Locale;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.http.ResponseEntity;
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
    private final RankingNotice notice;
    private final UnitRegister register;

    RankingPages(UnitRanking ranking, PageErrors pageErrors, RankingNotice notice, UnitRegister register) {
        this.ranking = ranking;
        this.pageErrors = pageErrors;
        this.notice = notice;
        this.register = register;
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

    /**
     * The month's notice for a reader signed in to the pages ({@code format} pdf or docx): the API's door takes HTTP
     * Basic only, so a link from a page to it would ask the browser for a password.
     */
    @GetMapping("/board/{expoId}/ranking/notice")
    ResponseEntity<byte[]> notice(@PathVariable String expoId, @RequestParam(required = false) String month,
                                  @RequestParam(defaultValue = "pdf") String format, Locale locale) {
        UnitRanking.Ranking ranked = ranking.ranking(expoId, ranking.month(month));
        return notice.of(ranked, register.namesFor(locale), locale, format).download();
    }
}
