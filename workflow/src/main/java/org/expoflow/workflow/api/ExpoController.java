package org.expoflow.workflow.api;

import org.expoflow.commands.api.DomainRuleViolation;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.EnrolUnit;
import org.expoflow.commands.api.PlanExpo;
import org.expoflow.commands.api.UnitKind;
import org.expoflow.projections.api.ExpoList;
import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.projections.api.FindExpo;
import org.expoflow.projections.api.ListExpos;
import org.expoflow.projections.support.ProjectionCatchUp;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.units.UnitRegister;
import org.expoflow.workflow.units.UnitRegister.RegisteredUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/expos")
@Tag(name = "Expos", description = "Plan an expo and enrol the units that prepare it")
public class ExpoController {

    private final ActingContext acting;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;
    private final UnitRegister units;

    public ExpoController(ActingContext acting, QueryGateway queries, ProjectionCatchUp catchUp, UnitRegister units) {
        this.acting = acting;
        this.queries = queries;
        this.catchUp = catchUp;
        this.units = units;
    }

    public record PlanExpoRequest(@NotBlank @Size(max = 300) String name, @Size(max = 300) String venue,
                                  @NotNull LocalDate opensOn, @NotNull LocalDate closesOn) {
    }

    public record EnrolUnitRequest(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lower-case slug such as 'shenyang'") String unitId,
            @Size(max = 300) String name, @NotNull UnitKind kind) {
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Plan an expo")
    public ResponseEntity<Map<String, String>> plan(@Valid @RequestBody PlanExpoRequest request) {
        PlanningWindow.check("opensOn", request.opensOn());
        PlanningWindow.check("closesOn", request.closesOn());
        String expoId = UUID.randomUUID().toString();
        acting.send(new PlanExpo(acting.currentActor(), expoId, request.name().strip(), request.venue(), request.opensOn(), request.closesOn()));
        catchUp.awaitHead();
        return ResponseEntity.created(URI.create("/api/expos/" + expoId)).body(Map.of("id", expoId));
    }

    @GetMapping
    @Operation(summary = "List the expos being prepared")
    public ExpoList list() {
        return queries.query(new ListExpos(), ExpoList.class).join();
    }

    @GetMapping("/{expoId}")
    @Operation(summary = "An expo with its enrolled units")
    public ExpoSummary get(@PathVariable String expoId) {
        return ExpoLookup.require(queries, expoId);
    }

    @PostMapping("/{expoId}/units")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Enrol a city or department in the expo's preparation")
    public ResponseEntity<Map<String, String>> enrol(@PathVariable String expoId, @Valid @RequestBody EnrolUnitRequest request) {
        ExpoLookup.require(queries, expoId);
        RegisteredUnit unit = units.find(request.unitId()).orElseThrow(() -> DomainRuleViolation.invalid("unitId",
                "'" + request.unitId() + "' is not a registered unit; see GET /api/units (ADMIN registers units)"));
        String name = request.name() == null || request.name().isBlank() ? unit.name() : request.name();
        acting.send(new EnrolUnit(acting.currentActor(), expoId, request.unitId(), name, request.kind()));
        catchUp.awaitHead();
        return ResponseEntity.created(URI.create("/api/expos/" + expoId))
                .body(Map.of("expoId", expoId, "unitId", request.unitId()));
    }

    /** Expo look-ups shared by the controllers that take an expo id. */
    static final class ExpoLookup {

        private ExpoLookup() {
        }

        static ExpoSummary require(QueryGateway queries, String expoId) {
            ExpoSummary expo = queries.query(new FindExpo(expoId), ExpoSummary.class).join();
            if (expo == null) {
                throw DomainRuleViolation.notFound("expoId", "no expo with id " + expoId);
            }
            return expo;
        }
    }
}
