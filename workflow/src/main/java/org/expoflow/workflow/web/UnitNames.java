package org.expoflow.workflow.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.expoflow.workflow.units.UnitRegister;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page names a unit as the register names it (沈阳市), never by its id: {@code unitNames[unitId]}. */
@ControllerAdvice(basePackages = "org.expoflow.workflow.web")
class UnitNames {

    private final UnitRegister register;

    UnitNames(UnitRegister register) {
        this.register = register;
    }

    @ModelAttribute("unitNames")
    Map<String, String> unitNames() {
        return register.all().stream().collect(Collectors.toMap(UnitRegister.RegisteredUnit::unitId,
                UnitRegister.RegisteredUnit::name, (first, second) -> first));
    }
}
