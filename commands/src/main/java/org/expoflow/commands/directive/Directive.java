package org.expoflow.commands.directive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.directive.CommentOnDirective;
import org.expoflow.commands.api.directive.DirectiveCommented;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.directive.DirectiveWithdrawn;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.directive.IssueDirective;
import org.expoflow.commands.api.directive.RecordUnitFinished;
import org.expoflow.commands.api.directive.UnitFinishedDirective;
import org.expoflow.commands.api.directive.WithdrawDirective;
import org.expoflow.commands.office.OfficePolicy;
import org.expoflow.commands.task.FigurePolicy;

/**
 * A directive issued to units at a coordination meeting, such as "invite Japanese buyers".
 * <p>
 * Lifecycle: a coordinator <em>issues</em> the directive with its kind (the BPMN process each unit runs),
 * instructions, a deadline, per-unit figure targets, optionally a reporting cadence (each unit reports its
 * progress every week or month until done) and, per lead unit, the units co-operating on its task; the
 * engine then runs one process per lead unit.
 * When a unit's process ends, the directive records that the unit <em>finished</em> it. A directive
 * finished by every unit is done. Until then the office may <em>withdraw</em> it, for a reason: the units'
 * open work on it ends, and nothing more is recorded against it. Throughout, those concerned <em>comment</em> on it,
 * and leadership gives its <em>instructions</em> (批示) to all its units.
 */
public class Directive {

    @AggregateIdentifier
    private String directiveId;
    private String expoId;
    private final Set<String> units = new HashSet<>();
    private final Set<String> finishedUnits = new HashSet<>();
    private final Set<String> cooperatingUnits = new HashSet<>();
    private boolean withdrawn;

    protected Directive() {
        // for event sourcing
    }

    @CommandHandler
    public Directive(IssueDirective command) {
        OfficePolicy.checkCoordinator(command.actor(), "issue a directive");
        if (command.kind() == null || command.kind().isBlank()) {
            throw DomainRuleViolation.invalid("kind", "a directive needs a kind");
        }
        if (command.title() == null || command.title().isBlank()) {
            throw DomainRuleViolation.invalid("title", "a directive needs a title");
        }
        if (command.dueAt() == null) {
            throw DomainRuleViolation.invalid("dueOn", "a directive needs a deadline");
        }
        if (command.issuedAt() != null && !command.dueAt().isAfter(command.issuedAt())) {
            throw DomainRuleViolation.invalid("dueOn", "the deadline " + command.dueAt() + " has already passed")
                    .coded("directiveDeadlinePassed", command.dueAt());
        }
        List<String> unitIds = command.unitIds() == null ? List.of() : command.unitIds();
        if (unitIds.isEmpty()) {
            throw DomainRuleViolation.invalid("unitIds", "a directive goes to at least one unit");
        }
        if (new LinkedHashSet<>(unitIds).size() != unitIds.size()) {
            throw DomainRuleViolation.invalid("unitIds", "each unit receives a directive once").coded("unitTwice");
        }
        Map<String, java.math.BigDecimal> targets = command.targets() == null ? Map.of() : command.targets();
        FigurePolicy.checkTargets(targets, command.kindFigures());
        String reportEvery = ReportingCadence.checked(command.reportEvery());
        Map<String, List<String>> cooperating = checkedCooperation(unitIds, command.cooperatingUnits());
        apply(new DirectiveIssued(command.directiveId(), command.expoId(), command.kind(), command.title(),
                command.instructions(), command.dueOn(), command.dueAt(), List.copyOf(unitIds), Map.copyOf(targets),
                command.meetingId(), reportEvery, cooperating));
    }

    /**
     * Co-operating units (协办) name a lead unit that receives the directive, each once, none of them the lead
     * itself; a unit may co-operate on several units' tasks.
     */
    private static Map<String, List<String>> checkedCooperation(List<String> unitIds, Map<String, List<String>> cooperating) {
        if (cooperating == null || cooperating.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> checked = new java.util.LinkedHashMap<>();
        cooperating.forEach((lead, coUnits) -> {
            if (!unitIds.contains(lead)) {
                throw DomainRuleViolation.invalid("cooperatingUnits." + lead, "unit " + lead + " does not lead a task of this"
                        + " directive").coded("leadNotReceiving", lead);
            }
            List<String> units = coUnits == null ? List.of() : coUnits;
            if (units.contains(lead) || new LinkedHashSet<>(units).size() != units.size()) {
                throw DomainRuleViolation.invalid("cooperatingUnits." + lead, "a unit co-operates once, on another unit's"
                        + " task").coded("cooperatingTwice", lead);
            }
            if (!units.isEmpty()) {
                checked.put(lead, List.copyOf(units));
            }
        });
        return Map.copyOf(checked);
    }

    @CommandHandler
    public void handle(RecordUnitFinished command) {
        if (!units.contains(command.unitId())) {
            throw DomainRuleViolation.invalid("unitId", "unit " + command.unitId() + " did not receive this directive");
        }
        if (withdrawn || finishedUnits.contains(command.unitId())) {
            return; // a process can only end once; a second report of it changes nothing
        }
        apply(new UnitFinishedDirective(directiveId, expoId, command.unitId()));
    }

    @CommandHandler
    public void handle(WithdrawDirective command) {
        OfficePolicy.checkCoordinator(command.actor(), "withdraw a directive");
        if (command.reason() == null || command.reason().isBlank()) {
            throw DomainRuleViolation.invalid("reason", "a withdrawal gives its reason");
        }
        if (withdrawn) {
            throw DomainRuleViolation.conflict("directive " + directiveId + " is already withdrawn").coded("directiveWithdrawn");
        }
        if (finishedUnits.containsAll(units)) {
            throw DomainRuleViolation.conflict("directive " + directiveId + " is already done by every unit").coded("directiveDone");
        }
        apply(new DirectiveWithdrawn(directiveId, expoId, command.reason().strip()));
    }

    /**
     * The office, leadership and the units on the directive (the leads and their co-operating units) comment on it;
     * only leadership gives instructions. An empty comment is refused naming {@code text}.
     */
    @CommandHandler
    public void handle(CommentOnDirective command) {
        Actor actor = command.actor();
        if (actor == null || !(actor.isCoordinator() || actor.belongsTo(Actor.LEADER)
                || units.stream().anyMatch(actor::belongsTo) || cooperatingUnits.stream().anyMatch(actor::belongsTo))) {
            throw DomainRuleViolation.forbidden("user " + (actor == null ? "anonymous" : actor.userId())
                    + " may not comment on directive " + directiveId).coded("mayNotCommentOnDirective");
        }
        if (command.instruction() && !actor.belongsTo(Actor.LEADER)) {
            throw DomainRuleViolation.forbidden("only leadership gives instructions").coded("instructionByLeadership");
        }
        String text = command.text() == null ? "" : command.text().strip();
        if (text.isEmpty()) {
            throw DomainRuleViolation.invalid("text", "a comment says something")
                    .coded(command.instruction() ? "instructionEmpty" : "commentEmpty");
        }
        if (text.length() > 2000) {
            throw DomainRuleViolation.invalid("text", "a comment is at most 2000 characters");
        }
        List<String> concerned = new ArrayList<>(new TreeSet<>(units));
        cooperatingUnits.stream().filter(unit -> !units.contains(unit)).sorted().forEach(concerned::add);
        apply(new DirectiveCommented(directiveId, expoId, actor.userId(), text, command.instruction(), List.copyOf(concerned)));
    }

    @EventSourcingHandler
    void on(DirectiveIssued event) {
        directiveId = event.directiveId();
        expoId = event.expoId();
        units.addAll(event.unitIds());
        if (event.cooperatingUnits() != null) {
            event.cooperatingUnits().values().forEach(cooperatingUnits::addAll);
        }
    }

    @EventSourcingHandler
    void on(DirectiveWithdrawn event) {
        withdrawn = true;
    }

    @EventSourcingHandler
    void on(UnitFinishedDirective event) {
        finishedUnits.add(event.unitId());
    }
}
