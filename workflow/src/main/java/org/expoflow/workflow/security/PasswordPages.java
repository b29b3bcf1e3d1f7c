package org.expoflow.workflow.security;

import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's change of their own password: where a first sign-in, a reset or an expired password leads, and open
 * to anyone signed in. The rules are told beside the form; a refused password names the rule under its field.
 */
@Controller
@PageDoor
class PasswordPages {

    private final UserAdministration administration;
    private final PasswordRules rules;
    private final PageErrors errors;

    PasswordPages(UserAdministration administration, PasswordRules rules, PageErrors errors) {
        this.administration = administration;
        this.rules = rules;
        this.errors = errors;
    }

    @GetMapping("/password")
    String form(@AuthenticationPrincipal ExpoFlowUser user, Model model) {
        model.addAttribute("due", rules.mustChange(user));
        model.addAttribute("firstOrReset", user.mustChangePassword());
        model.addAttribute("shortest", PasswordRules.SHORTEST);
        model.addAttribute("classes", PasswordRules.CLASSES);
        model.addAttribute("remembered", PasswordRules.REMEMBERED);
        return "password";
    }

    @PostMapping("/password")
    String change(@AuthenticationPrincipal ExpoFlowUser user, @RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String repeatedPassword,
                  RedirectAttributes redirect) {
        if (errors.attempt(redirect, () -> administration.changeOwnPassword(user.getUsername(), currentPassword, password,
                repeatedPassword == null ? "" : repeatedPassword))) {
            redirect.addFlashAttribute(PageErrors.DONE, "passwordChanged");
        }
        return "redirect:/password";
    }
}
