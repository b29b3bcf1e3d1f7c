package org.expoflow.workflow.expos;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.expo.EnrolUnit;
import org.expoflow.commands.api.expo.PlanExpo;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.projections.api.ExpoList;
import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.projections.api.FindExpo;
import org.expoflow.projections.api.ListExpos;
import org.expoflow.workflow.application.PlanningWindow;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.units.UnitRegister;
import org.expoflow.workflow.units.UnitRegister.RegisteredUnit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An expo's preparation from its start: the coordinator plans it (name, venue, the days it opens and
 * closes) and enrols the registered cities and departments that prepare it; everyone signed in may look
 * at the expos and who is enrolled.
 */
@Service
public class ExpoWork {

    private final ActingContext acting;
    private final QueryGateway queries;
    private final UnitRegister units;
    private final RequestRules rules;
    private final Refusals refusals;

    public ExpoWork(ActingContext acting, QueryGateway queries, UnitRegister units,
                    RequestRules rules, Refusals refusals) {
        this.acting = acting;
        this.queries = queries;
        this.units = units;
        this.rules = rules;
        this.refusals = refusals;
    }

    public record PlanExpoRequest(@NotBlank @Size(max = 300) String name, @Size(max = 300) String venue,
                                  @NotNull LocalDate opensOn, @NotNull LocalDate closesOn) {
    }

    public record EnrolUnitRequest(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lower-case slug such as 'shenyang'") String unitId,
            @Size(max = 300) String name, @NotNull UnitKind kind) {
    }

    /** The expos, each with its enrolled units in the register's order. */
    public ExpoList list() {
        java.util.Comparator<String> order = units.order();
        return new ExpoList(queries.query(new ListExpos(), ExpoList.class).join().expos().stream()
                .map(expo -> inOrder(expo, order)).toList());
    }

    private static ExpoSummary inOrder(ExpoSummary expo, java.util.Comparator<String> order) {
        return new ExpoSummary(expo.id(), expo.name(), expo.venue(), expo.opensOn(), expo.closesOn(), expo.units().stream()
                .sorted(java.util.Comparator.comparing(ExpoSummary.EnrolledUnit::unitId, order)).toList());
    }

    /**
     * The expo with its enrolled units, in the register's order; refused (404, field {@code expoId}) when there is
     * none.
     */
    public ExpoSummary get(String expoId) {
        ExpoSummary expo = queries.query(new FindExpo(expoId), ExpoSummary.class).join();
        if (expo == null) {
            throw DomainRuleViolation.notFound("expoId", "no expo with id " + expoId).coded("noExpo");
        }
        return inOrder(expo, units.order());
    }

    /** Plans an expo; its id. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public String plan(PlanExpoRequest request) {
        rules.check(request);
        PlanningWindow.check("opensOn", request.opensOn());
        PlanningWindow.check("closesOn", request.closesOn());
        String expoId = UUID.randomUUID().toString();
        acting.send(new PlanExpo(acting.currentActor(), expoId, request.name().strip(), request.venue(), request.opensOn(),
                request.closesOn()));
        return expoId;
    }

    /**
     * Enrols a registered unit, under the register's names (both, for the expo's documents and API clients that
     * have no reader's language; the pages name it in their reader's) unless the request names it otherwise.
     */
    @PreAuthorize("hasRole('COORDINATOR')")
    public void enrol(String expoId, EnrolUnitRequest request) {
        rules.check(request);
        get(expoId);
        RegisteredUnit unit = units.find(request.unitId()).orElseThrow(() -> DomainRuleViolation.invalid("unitId",
                "'" + request.unitId() + "' is not a registered unit; see GET /api/units (ADMIN registers units)")
                .coded("unitNotRegistered", request.unitId()));
        String name = request.name() == null || request.name().isBlank() ? unit.bilingualName() : request.name();
        acting.send(new EnrolUnit(acting.currentActor(), expoId, request.unitId(), name, request.kind()));
    }

    /** Refused (400, field {@code unitId}) unless the unit is enrolled in the expo. */
    public void requireEnrolled(String expoId, String unitId) {
        if (get(expoId).units().stream().noneMatch(unit -> unit.unitId().equals(unitId))) {
            throw refusals.invalid("unitId", "notEnrolled", unitId);
        }
    }
}
