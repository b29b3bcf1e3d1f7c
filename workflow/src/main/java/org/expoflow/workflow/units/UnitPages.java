package org.expoflow.workflow.units;

import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.units.UnitRegister.NewUnit;
import org.expoflow.workflow.units.UnitRegister.RegisteredUnit;
import org.expoflow.workflow.units.UnitRegister.UnitChange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN's page of the unit register ({@code /admin/units}): the units in the register's order with their names in
 * both languages, a unit added at the place chosen, a unit renamed or moved up and down. Every change goes through
 * {@link UnitRegister}, as the API's does; a refusal comes back under its field, with what was typed kept.
 */
@Controller
@PageDoor
@PreAuthorize("hasRole('ADMIN')")
class UnitPages {

    private final UnitRegister register;
    private final PageErrors pageErrors;

    UnitPages(UnitRegister register, PageErrors pageErrors) {
        this.register = register;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/admin/units")
    String units(Model model) {
        model.addAttribute("units", register.all());
        model.addAttribute("unitKinds", UnitKind.values());
        return "admin/units";
    }

    @PostMapping("/admin/units")
    String add(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> register.add(new NewUnit(form.get("unitId"), form.get("name"),
                unitKind(form.get("kind")), form.get("englishName"), position(form.get("position")))))) {
            redirect.addFlashAttribute(PageErrors.DONE, "unitAdded");
            // to the unit in the register: its id is a registered slug by now
            return "redirect:/admin/units#unit-" + form.get("unitId");
        }
        redirect.addFlashAttribute("entered", form);
        return "redirect:/admin/units";
    }

    @PostMapping("/admin/units/{unitId}")
    String change(@PathVariable String unitId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> register.change(unitId, new UnitChange(form.get("name"), form.get("englishName"),
                position(form.get("position")))))) {
            redirect.addFlashAttribute(PageErrors.DONE, "unitChanged");
        } else {
            redirect.addFlashAttribute("changedUnit", unitId);
            redirect.addFlashAttribute("entered", form);
        }
        return "redirect:/admin/units#unit-" + unitId;
    }

    /** One place up ({@code by} -1) or down (+1) in the register's order, its names as they are. */
    @PostMapping("/admin/units/{unitId}/move")
    String move(@PathVariable String unitId, @RequestParam int by, RedirectAttributes redirect) {
        List<RegisteredUnit> units = register.all();
        int place = units.stream().map(RegisteredUnit::unitId).toList().indexOf(unitId) + 1;
        if (place > 0 && place + by >= 1 && place + by <= units.size()) {
            RegisteredUnit unit = units.get(place - 1);
            if (pageErrors.attempt(redirect, () -> register.change(unitId, new UnitChange(unit.name(), unit.englishName(), place + by)))) {
                redirect.addFlashAttribute(PageErrors.DONE, "unitMoved");
            }
        }
        return "redirect:/admin/units#unit-" + unitId;
    }

    private UnitKind unitKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return UnitKind.valueOf(kind.strip());
        } catch (IllegalArgumentException unknown) {
            throw DomainRuleViolation.invalid("kind", "a unit is a CITY or a DEPARTMENT").coded("fieldNotOneOf", "kind", kind,
                    String.join(", ", java.util.Arrays.stream(UnitKind.values()).map(Enum::name).toList()));
        }
    }

    private static Integer position(String position) {
        if (position == null || position.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(position.strip());
        } catch (NumberFormatException notANumber) {
            throw DomainRuleViolation.invalid("position", "not a whole number: " + position).coded("notAWholeNumber", position);
        }
    }
}
