package org.expoflow.commands.expo;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.expo.EnrolUnit;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.expo.PlanExpo;
import org.expoflow.commands.office.OfficePolicy;
import org.expoflow.commands.api.expo.UnitEnrolled;

/**
 * An expo the province prepares for, such as the Liaoning Export Commodities Exhibition in Osaka.
 * <p>
 * Lifecycle: the expo office <em>plans</em> the expo (name, venue, opening and closing dates), then
 * <em>enrols</em> the cities and provincial departments that take part in its preparation. Only enrolled
 * units can later receive directives. A unit is enrolled once; its id is a lower-case slug that also
 * names the group of its users.
 */
public class Expo {

    /** Unit ids double as engine candidate groups and user names: lower-case slugs only. */
    static final Pattern UNIT_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    @AggregateIdentifier
    private String expoId;
    private final Set<String> enrolledUnits = new HashSet<>();

    protected Expo() {
        // for event sourcing
    }

    @CommandHandler
    public Expo(PlanExpo command) {
        OfficePolicy.checkCoordinator(command.actor(), "plan an expo");
        if (command.name() == null || command.name().isBlank()) {
            throw DomainRuleViolation.invalid("name", "an expo needs a name");
        }
        if (command.opensOn() == null) {
            throw DomainRuleViolation.invalid("opensOn", "an expo needs an opening date");
        }
        if (command.closesOn() == null || command.closesOn().isBefore(command.opensOn())) {
            throw DomainRuleViolation.invalid("closesOn", "an expo closes on or after the day it opens").coded("closesBeforeOpening");
        }
        apply(new ExpoPlanned(command.expoId(), command.name(), command.venue(), command.opensOn(), command.closesOn()));
    }

    @CommandHandler
    public void handle(EnrolUnit command) {
        OfficePolicy.checkCoordinator(command.actor(), "enrol a unit");
        if (command.unitId() == null || !UNIT_ID.matcher(command.unitId()).matches()) {
            throw DomainRuleViolation.invalid("unitId", "a unit id is a lower-case slug such as 'shenyang'");
        }
        if (command.kind() == null) {
            throw DomainRuleViolation.invalid("kind", "a unit is a CITY or a DEPARTMENT");
        }
        if (enrolledUnits.contains(command.unitId())) {
            throw DomainRuleViolation.conflict("unit " + command.unitId() + " is already enrolled in this expo")
                    .coded("alreadyEnrolled", command.unitId());
        }
        String name = command.name() == null || command.name().isBlank() ? command.unitId() : command.name();
        apply(new UnitEnrolled(expoId, command.unitId(), name, command.kind()));
    }

    @EventSourcingHandler
    void on(ExpoPlanned event) {
        expoId = event.expoId();
    }

    @EventSourcingHandler
    void on(UnitEnrolled event) {
        enrolledUnits.add(event.unitId());
    }
}
