package org.expoflow.workflow.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's page of the people who sign in: the list, a new user with role and unit, disabling
 * and enabling, a password reset, another role or unit for a user. A refusal comes back under its field, on the form
 * it came from, with what was typed (never a password).
 */
@Controller
@PageDoor
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class UserPages {

    private final UserAdministration administration;
    private final UnitRegister units;
    private final PageErrors errors;

    UserPages(UserAdministration administration, UnitRegister units, PageErrors errors) {
        this.administration = administration;
        this.units = units;
        this.errors = errors;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", administration.list());
        model.addAttribute("units", units.all());
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("shortest", PasswordRules.SHORTEST);
        return "admin-users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String role, @RequestParam(required = false) String unitId,
                  @RequestParam(required = false) String displayName, RedirectAttributes redirect) {
        Role chosen = Arrays.stream(Role.values()).filter(known -> known.name().equals(role)).findFirst().orElse(null);
        if (errors.attempt(redirect, () -> administration.create(new UserAdministration.NewUser(
                username == null ? null : username.strip(), password, chosen, unitId, displayName)))) {
            redirect.addFlashAttribute(PageErrors.DONE, "userCreated");
        } else {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("username", username == null ? "" : username);
            typed.put("role", role == null ? "" : role);
            typed.put("unitId", unitId == null ? "" : unitId);
            typed.put("displayName", displayName == null ? "" : displayName);
            redirect.addFlashAttribute("typed", typed);
            redirect.addFlashAttribute("form", "new");
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/password")
    String reset(@PathVariable String username, @RequestParam(required = false) String password, RedirectAttributes redirect) {
        if (errors.attempt(redirect, () -> administration.resetPassword(username, password))) {
            redirect.addFlashAttribute(PageErrors.DONE, "passwordReset");
        } else {
            redirect.addFlashAttribute("form", username);
        }
        return "redirect:/admin/users#user-" + username;
    }

    @PostMapping("/admin/users/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam(required = false) String role,
                      @RequestParam(required = false) String unitId, RedirectAttributes redirect) {
        Role chosen = Arrays.stream(Role.values()).filter(known -> known.name().equals(role)).findFirst().orElse(null);
        if (errors.attempt(redirect, () -> administration.changeRole(username, chosen, unitId))) {
            redirect.addFlashAttribute(PageErrors.DONE, "userRoleChanged");
        } else {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("role", role == null ? "" : role);
            typed.put("unitId", unitId == null ? "" : unitId);
            redirect.addFlashAttribute("retyped", typed);
            redirect.addFlashAttribute("form", username);
        }
        return "redirect:/admin/users#user-" + username;
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        if (errors.attempt(redirect, () -> administration.setEnabled(username, enabled))) {
            redirect.addFlashAttribute(PageErrors.DONE, enabled ? "userEnabled" : "userDisabled");
        } else {
            redirect.addFlashAttribute("form", username);
        }
        return "redirect:/admin/users#user-" + username;
    }
}
