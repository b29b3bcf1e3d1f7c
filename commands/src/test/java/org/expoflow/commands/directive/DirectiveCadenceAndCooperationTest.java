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
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.directive.IssueDirective;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A directive may ask each unit for a progress report every week or month until done, and name, per unit that
 * leads a task (牵头), the units that co-operate on it (协办). A cadence shorter than a day, or co-operation on a
 * task the directive does not give, is refused naming the field, and nothing is issued.
 */
class DirectiveCadenceAndCooperationTest {

    private static final LocalDate DUE_ON = LocalDate.parse("2030-02-01");
    private static final Instant DUE_AT = Instant.parse("2030-02-01T15:59:59Z");
    private static final Instant NOW = Instant.parse("2029-11-01T08:00:00Z");
    private static final Actor COORDINATOR = new Actor("coordinator", Set.of("coordinator"));

    private AggregateTestFixture<Directive> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Directive.class);
    }

    private static IssueDirective issue(String reportEvery, Map<String, List<String>> cooperating) {
        return new IssueDirective(COORDINATOR, "d1", "osaka", "invite-buyers", "Invite Japanese buyers", null, DUE_ON, DUE_AT,
                List.of("shenyang", "dalian"), Map.of(), NOW, null, reportEvery, cooperating);
    }

    private static Matcher<DomainRuleViolation> refusedAt(String field) {
        return new CustomTypeSafeMatcher<>("a refusal naming " + field) {
            @Override
            protected boolean matchesSafely(DomainRuleViolation refusal) {
                return field.equals(refusal.field());
            }
        };
    }

    @Test
    void aDirectiveAsksForWeeklyReportsAndNamesTheUnitsCoOperatingWithALeadUnit() {
        fixture.givenNoPriorActivity()
                .when(issue("P2W", Map.of("shenyang", List.of("anshan", "fushun"))))
                .expectEvents(new DirectiveIssued("d1", "osaka", "invite-buyers", "Invite Japanese buyers", null, DUE_ON, DUE_AT,
                        List.of("shenyang", "dalian"), Map.<String, BigDecimal>of(), null, "P14D",
                        Map.of("shenyang", List.of("anshan", "fushun"))));
    }

    @Test
    void aCadenceShorterThanADayIsRefusedNamingIt() {
        for (String tooOften : List.of("PT12H", "P0D", "every week", "-P7D")) {
            fixture.givenNoPriorActivity()
                    .when(issue(tooOften, Map.of()))
                    .expectNoEvents()
                    .expectException(refusedAt("reportEvery"));
        }
    }

    @Test
    void cannotIssueACadenceLongerThanAYear() {
        for (String tooRarely : List.of("P999999999Y", "P13M", "P367D", "P1Y1D")) {
            fixture.givenNoPriorActivity()
                    .when(issue(tooRarely, Map.of()))
                    .expectNoEvents()
                    .expectException(refusedAt("reportEvery"));
        }
        fixture.givenNoPriorActivity()
                .when(issue("P1Y", Map.of()))
                .expectEvents(new DirectiveIssued("d1", "osaka", "invite-buyers", "Invite Japanese buyers", null, DUE_ON, DUE_AT,
                        List.of("shenyang", "dalian"), Map.<String, BigDecimal>of(), null, "P1Y", Map.of()));
    }

    @Test
    void coOperationIsOnATaskTheDirectiveGivesAndNotByItsLeadUnit() {
        fixture.givenNoPriorActivity()
                .when(issue(null, Map.of("tieling", List.of("anshan"))))
                .expectNoEvents()
                .expectException(refusedAt("cooperatingUnits.tieling"));
        fixture.givenNoPriorActivity()
                .when(issue(null, Map.of("shenyang", List.of("shenyang"))))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(issue(null, Map.of("shenyang", List.of("anshan", "anshan"))))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }
}
