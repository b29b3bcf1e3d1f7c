package org.expoflow.workflow.api;

import org.expoflow.commands.api.DomainRuleViolation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.Figure;
import org.expoflow.commands.api.IssueDirective;
import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.springframework.stereotype.Component;

/**
 * Turns a request to issue a directive into its command, checking what only the application knows: the
 * kind is deployed, the units are enrolled, the targets are figures the kind collects, the deadline.
 * A directive issued by a meeting's decision goes the same way, its fields named under the decision's.
 */
@Component
class DirectiveRequests {

    private final ActingContext acting;
    private final QueryGateway queries;
    private final DirectiveKindCatalogue kinds;
    private final Clock clock;
    private final ProvinceDeadlines deadlines;

    DirectiveRequests(ActingContext acting, QueryGateway queries, DirectiveKindCatalogue kinds, Clock clock,
                      ProvinceDeadlines deadlines) {
        this.acting = acting;
        this.queries = queries;
        this.kinds = kinds;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    IssueDirective prepare(DirectiveController.IssueDirectiveRequest request, String fieldPrefix, String meetingId) {
        ExpoSummary expo = ExpoController.ExpoLookup.require(queries, request.expoId());
        DirectiveKind kind = kinds.find(request.kind()).orElseThrow(() -> DomainRuleViolation.invalid(fieldPrefix + "kind",
                "no directive kind '" + request.kind() + "'; see /api/directive-kinds"));
        Set<String> enrolled = expo.units().stream().map(ExpoSummary.EnrolledUnit::unitId).collect(Collectors.toSet());
        for (int i = 0; i < request.unitIds().size(); i++) {
            if (!enrolled.contains(request.unitIds().get(i))) {
                throw DomainRuleViolation.invalid(fieldPrefix + "unitIds[" + i + "]",
                        "unit '" + request.unitIds().get(i) + "' is not enrolled in this expo");
            }
        }
        Map<String, BigDecimal> targets = request.targets() == null ? Map.of() : request.targets();
        for (String figure : targets.keySet()) {
            if (!Figure.isKnown(figure)) {
                throw DomainRuleViolation.invalid(fieldPrefix + "targets." + figure, "unknown figure '" + figure + "'");
            }
            if (!kind.figures().contains(figure)) {
                throw DomainRuleViolation.invalid(fieldPrefix + "targets." + figure, "directive kind " + kind.key()
                        + " collects no figure '" + figure + "'; it collects " + kind.figures());
            }
        }
        Instant dueAt = deadlines.of(request.dueOn(), request.dueAt());
        if (dueAt == null) {
            throw DomainRuleViolation.invalid(fieldPrefix + "dueOn", "a directive needs a deadline: dueOn (a date) or dueAt (an instant)");
        }
        return new IssueDirective(acting.currentActor(), UUID.randomUUID().toString(), expo.id(), kind.key(),
                request.title().strip(), request.instructions(), request.dueOn(), dueAt, request.unitIds(), targets,
                clock.instant(), meetingId);
    }
}
