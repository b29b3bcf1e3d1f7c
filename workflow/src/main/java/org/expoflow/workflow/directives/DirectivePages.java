package org.expoflow.workflow.directives;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.expoflow.projections.api.FindDirective;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A directive's own page: what was issued, to which units, who finished; once withdrawn, when and why. The office
 * withdraws it here, after a confirmation that names the units whose open work it ends, with its reason.
 */
@Controller
@PageDoor
@PreAuthorize("hasAnyRole('COORDINATOR', 'LEADER')")
class DirectivePages {

    private final DirectiveWork directives;
    private final PageErrors pageErrors;
    private final UnitRegister register;

    DirectivePages(DirectiveWork directives, PageErrors pageErrors, UnitRegister register) {
        this.directives = directives;
        this.pageErrors = pageErrors;
        this.register = register;
    }

    @GetMapping("/directives/{directiveId}")
    String directive(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String directiveId, Locale locale, Model model) {
        FindDirective.Directive directive = directives.get(directiveId);
        model.addAttribute("office", user.role() == Role.COORDINATOR);
        model.addAttribute("directive", directive);
        model.addAttribute("units", register.inOrder(directive.units(), FindDirective.DirectiveUnit::unitId));
        model.addAttribute("atWork", directive.unitsStillAtWork());
        Map<String, String> names = register.namesFor(locale);
        model.addAttribute("atWorkNames", directive.unitsStillAtWork().stream().sorted(register.order())
                .map(unit -> names.getOrDefault(unit, unit))
                .collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "、" : ", ")));
        model.addAttribute("finished", directive.units().stream().filter(unit -> unit.finishedAt() != null).count());
        model.addAttribute("endedByWithdrawal", directive.units().stream().filter(unit -> unit.finishedAt() == null).count());
        return "directive";
    }

    @PostMapping("/directives/{directiveId}/withdraw")
    @PreAuthorize("hasRole('COORDINATOR')")
    String withdraw(@PathVariable String directiveId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> directives.withdraw(directiveId, new DirectiveWork.WithdrawRequest(reason)))) {
            redirect.addFlashAttribute(PageErrors.DONE, "directiveWithdrawn");
        } else {
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/directives/" + directiveId;
    }
}
