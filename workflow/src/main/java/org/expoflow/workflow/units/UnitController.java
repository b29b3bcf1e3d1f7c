package org.expoflow.workflow.units;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.workflow.units.UnitRegister.RegisteredUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The register of the province's units: read by everyone signed in, kept by ADMIN. */
@RestController
@Tag(name = "Units", description = "The province's cities and departments that can be enrolled in an expo")
public class UnitController {

    private final UnitRegister register;

    public UnitController(UnitRegister register) {
        this.register = register;
    }

    public record NewUnit(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lower-case slug such as 'shenyang'") String unitId,
            @NotBlank @Size(max = 300) String name, @NotNull UnitKind kind,
            @Schema(description = "the unit's name for readers of English (Shenyang), shown beside its own name")
            @Size(max = 300) String englishName) {
    }

    @GetMapping("/api/units")
    @Operation(summary = "Every registered unit")
    public List<RegisteredUnit> all() {
        return register.all();
    }

    @PostMapping("/api/admin/units")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register a city or department")
    public ResponseEntity<Map<String, String>> add(@Valid @RequestBody NewUnit unit) {
        if (!register.register(unit.unitId(), unit.name().strip(), unit.englishName(), unit.kind())) {
            throw DomainRuleViolation.conflict("unit " + unit.unitId() + " is already registered").coded("unitExists", unit.unitId());
        }
        return ResponseEntity.created(URI.create("/api/units")).body(Map.of("unitId", unit.unitId()));
    }
}
