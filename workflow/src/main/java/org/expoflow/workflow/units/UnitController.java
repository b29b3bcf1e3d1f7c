package org.expoflow.workflow.units;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.workflow.units.UnitRegister.NewUnit;
import org.expoflow.workflow.units.UnitRegister.RegisteredUnit;
import org.expoflow.workflow.units.UnitRegister.UnitChange;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The register of the province's units: read by everyone signed in, kept by ADMIN. */
@RestController
@Tag(name = "Units", description = "The province's cities and departments that can be enrolled in an expo")
public class UnitController {

    private final UnitRegister register;

    public UnitController(UnitRegister register) {
        this.register = register;
    }

    @GetMapping("/api/units")
    @Operation(summary = "Every registered unit, in the register's order")
    public List<RegisteredUnit> all() {
        return register.all();
    }

    // the rules are the register's, checked there for this door and the pages alike
    @PostMapping("/api/admin/units")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register a city or department, last in the register's order or at 'position'")
    public ResponseEntity<Map<String, String>> add(@RequestBody NewUnit unit) {
        RegisteredUnit added = register.add(unit);
        return ResponseEntity.created(URI.create("/api/units")).body(Map.of("unitId", added.unitId()));
    }

    @PutMapping("/api/admin/units/{unitId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename a registered unit (its name, its English name) and move it to 'position' in the register's order")
    public RegisteredUnit change(@PathVariable String unitId, @RequestBody UnitChange change) {
        return register.change(unitId, change);
    }
}
