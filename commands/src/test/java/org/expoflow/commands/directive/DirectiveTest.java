package org.expoflow.commands.directive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.directive.DirectiveWithdrawn;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.directive.IssueDirective;
import org.expoflow.commands.api.directive.RecordUnitFinished;
import org.expoflow.commands.api.directive.UnitFinishedDirective;
import org.expoflow.commands.api.directive.WithdrawDirective;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectiveTest {

    private static final LocalDate DUE_ON = LocalDate.parse("2030-02-01");
    private static final Instant DUE_AT = Instant.parse("2030-02-01T15:59:59Z");
    private static final Instant NOW = Instant.parse("2029-11-01T08:00:00Z");
    private static final DirectiveIssued INVITE_BUYERS = new DirectiveIssued("d1", "osaka", "invite-buyers",
            "Invite Japanese buyers", "At least 50 buyers from Kansai", DUE_ON, DUE_AT, List.of("shenyang", "dalian"),
            Map.of("buyersInvited", BigDecimal.valueOf(50)), null);

    private static final Actor COORDINATOR = new Actor("coordinator", Set.of("coordinator"));

    private AggregateTestFixture<Directive> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Directive.class);
    }

    private static IssueDirective issue(Instant dueAt, List<String> units, Map<String, BigDecimal> targets) {
        return issue(COORDINATOR, dueAt, units, targets);
    }

    private static IssueDirective issue(Actor actor, Instant dueAt, List<String> units, Map<String, BigDecimal> targets) {
        return new IssueDirective(actor, "d1", "osaka", "invite-buyers", "Invite Japanese buyers",
                "At least 50 buyers from Kansai", DUE_ON, dueAt, units, targets, NOW, null);
    }

    @Test
    void canBeIssuedToUnitsWithTargets() {
        fixture.givenNoPriorActivity()
                .when(issue(DUE_AT, List.of("shenyang", "dalian"), Map.of("buyersInvited", BigDecimal.valueOf(50))))
                .expectEvents(INVITE_BUYERS);
    }

    @Test
    void cannotBeIssuedWithADeadlineInThePast() {
        fixture.givenNoPriorActivity()
                .when(issue(NOW.minusSeconds(1), List.of("shenyang"), Map.of()))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already passed"));
    }

    @Test
    void cannotBeIssuedToNoUnitOrTheSameUnitTwice() {
        fixture.givenNoPriorActivity()
                .when(issue(DUE_AT, List.of(), Map.of()))
                .expectException(DomainRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(issue(DUE_AT, List.of("shenyang", "shenyang"), Map.of()))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void cannotCarryATargetForAnUnknownFigure() {
        fixture.givenNoPriorActivity()
                .when(issue(DUE_AT, List.of("shenyang"), Map.of("buyersInvted", BigDecimal.ONE)))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("unknown figure"));
    }

    @Test
    void canRecordThatAUnitFinishedOnce() {
        fixture.given(INVITE_BUYERS)
                .when(new RecordUnitFinished("d1", "shenyang"))
                .expectEvents(new UnitFinishedDirective("d1", "osaka", "shenyang"));
        fixture.given(INVITE_BUYERS, new UnitFinishedDirective("d1", "osaka", "shenyang"))
                .when(new RecordUnitFinished("d1", "shenyang"))
                .expectNoEvents();
    }

    @Test
    void cannotBeIssuedByALeaderOrACity() {
        for (Actor notTheOffice : List.of(new Actor("leader", Set.of("leader")), new Actor("shenyang", Set.of("shenyang")))) {
            fixture.givenNoPriorActivity()
                    .when(issue(notTheOffice, DUE_AT, List.of("shenyang"), Map.of()))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("only the expo office"));
        }
    }

    @Test
    void canBeWithdrawnByTheOfficeWithAReasonAndThenRecordsNoMoreFinishes() {
        fixture.given(INVITE_BUYERS)
                .when(new WithdrawDirective("d1", COORDINATOR, "merged into the buyers' fair directive"))
                .expectEvents(new DirectiveWithdrawn("d1", "osaka", "merged into the buyers' fair directive"));
        fixture.given(INVITE_BUYERS, new DirectiveWithdrawn("d1", "osaka", "merged"))
                .when(new RecordUnitFinished("d1", "shenyang"))
                .expectNoEvents();
    }

    @Test
    void cannotBeWithdrawnByACityTwiceOrOnceEveryUnitFinished() {
        fixture.given(INVITE_BUYERS)
                .when(new WithdrawDirective("d1", new Actor("shenyang", Set.of("shenyang")), "too much work"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("only the expo office"));
        fixture.given(INVITE_BUYERS, new DirectiveWithdrawn("d1", "osaka", "merged"))
                .when(new WithdrawDirective("d1", COORDINATOR, "again"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already withdrawn"));
        fixture.given(INVITE_BUYERS, new UnitFinishedDirective("d1", "osaka", "shenyang"),
                        new UnitFinishedDirective("d1", "osaka", "dalian"))
                .when(new WithdrawDirective("d1", COORDINATOR, "late idea"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("done by every unit"));
        fixture.given(INVITE_BUYERS)
                .when(new WithdrawDirective("d1", COORDINATOR, ""))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("reason"));
    }

    private static IssueDirective issueOfKindDeclaring(Set<String> kindFigures, Map<String, BigDecimal> targets) {
        return new IssueDirective(COORDINATOR, "d2", "osaka", "recruit-volunteers", "Recruit volunteers", null, DUE_ON,
                DUE_AT, List.of("shenyang"), targets, NOW, null, null, Map.of(), kindFigures);
    }

    @Test
    void canCarryATargetForAFigureItsKindDeclares() {
        fixture.givenNoPriorActivity()
                .when(issueOfKindDeclaring(Set.of("volunteersRecruited"), Map.of("volunteersRecruited", BigDecimal.TEN)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotCarryATargetForAFigureItsKindDoesNotDeclare() {
        fixture.givenNoPriorActivity()
                .when(issueOfKindDeclaring(Set.of("volunteersRecruited"), Map.of("buyersInvited", BigDecimal.TEN)))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("does not declare"));
    }
}
