package org.expoflow.workflow.units;

import java.util.Locale;
import java.util.Map;

import org.expoflow.workflow.http.PageDoor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page names a unit as the register names it in the reader's language (沈阳市; "沈阳市 Shenyang" in English),
 * never by its id: {@code unitNames[unitId]}.
 */
@ControllerAdvice(annotations = PageDoor.class)
public class UnitNames {

    private final UnitRegister register;

    UnitNames(UnitRegister register) {
        this.register = register;
    }

    @ModelAttribute("unitNames")
    public Map<String, String> unitNames(Locale locale) {
        return register.namesFor(locale);
    }

    /** Every unit's short name (沈阳 for 沈阳市), where room is short: {@code shortUnitNames[unitId]}. */
    @ModelAttribute("shortUnitNames")
    public Map<String, String> shortUnitNames(Locale locale) {
        return register.shortNamesFor(locale);
    }

    /** Both names of every unit, so a keyword in either language finds it. */
    public Map<String, String> bothNames() {
        Map<String, String> names = new java.util.HashMap<>();
        register.all().forEach(unit -> names.put(unit.unitId(), unit.bilingualName()));
        return names;
    }
}
