package org.expoflow.workflow.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The month's ranking of units (考核评分) as a page linked from the board, with its notice (通报) to download, and the
 * weights it is scored by, which the office changes there.
 */
@Controller
@PageDoor
@PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
class RankingPages {

    private final UnitRanking ranking;
    private final RankingWeights weights;
    private final PageErrors pageErrors;
    private final UserDirectory people;
    private final RankingNotice notice;
    private final UnitRegister register;

    RankingPages(UnitRanking ranking, RankingWeights weights, PageErrors pageErrors, UserDirectory people, RankingNotice notice,
                 UnitRegister register) {
        this.ranking = ranking;
        this.weights = weights;
        this.pageErrors = pageErrors;
        this.people = people;
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
        RankingWeights.InForce inForce = weights.inForce(expoId);
        model.addAttribute("weights", inForce);
        model.addAttribute("weightsSetBy", inForce.byDefault() ? null
                : people.displayNames().getOrDefault(inForce.changedBy(), inForce.changedBy()));
        model.addAttribute("weightFields", RankingWeights.Change.FIELDS);
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

    /** The office's new weights from the form; a field at fault is shown at its field with what was typed, nothing stored. */
    @PostMapping("/board/{expoId}/ranking/weights")
    @PreAuthorize("hasRole('COORDINATOR')")
    String changeWeights(@PathVariable String expoId, @RequestParam Map<String, String> form,
                         RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        RankingWeights.Change.FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "").strip()));
        if (pageErrors.attempt(redirect, () -> weights.change(expoId, change(typed)))) {
            redirect.addFlashAttribute(PageErrors.DONE, "rankingWeightsChanged");
        } else {
            redirect.addFlashAttribute("entered", typed);
        }
        String month = form.get("month");
        if (month != null && month.matches("\\d{4}-\\d{2}")) {
            redirect.addAttribute("month", month);
        }
        // {expoId} is the request's own path variable, expanded and encoded by the redirect
        return "redirect:/board/{expoId}/ranking#weights";
    }

    /** The form's text as weights: a field left empty is missing, one that is no number refused naming it. */
    private RankingWeights.Change change(Map<String, String> typed) {
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        DomainRuleViolation refused = null;
        for (Map.Entry<String, String> field : typed.entrySet()) {
            try {
                numbers.put(field.getKey(), field.getValue().isEmpty() ? null : new BigDecimal(field.getValue()));
            } catch (NumberFormatException notANumber) {
                DomainRuleViolation fault = DomainRuleViolation.invalid(field.getKey(), "not a number: " + field.getValue())
                        .coded("notANumber", field.getValue());
                refused = refused == null ? fault : refused.and(fault);
            }
        }
        if (refused != null) {
            throw refused;
        }
        return new RankingWeights.Change(numbers.get("onTime"), numbers.get("daysLate"), numbers.get("chaseUps"),
                numbers.get("returns"), numbers.get("reports"), numbers.get("figures"));
    }
}
