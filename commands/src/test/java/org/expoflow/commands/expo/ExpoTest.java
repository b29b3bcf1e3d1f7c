package org.expoflow.commands.expo;

import java.time.LocalDate;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.expo.EnrolUnit;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.expo.PlanExpo;
import org.expoflow.commands.api.expo.UnitEnrolled;
import org.expoflow.commands.api.expo.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpoTest {

    private static final ExpoPlanned OSAKA = new ExpoPlanned("osaka", "Liaoning Export Commodities Exhibition",
            "Osaka", LocalDate.parse("2030-03-01"), LocalDate.parse("2030-03-04"));

    private static final Actor COORDINATOR = new Actor("coordinator", Set.of("coordinator"));
    private static final Actor SHENYANG_CLERK = new Actor("shenyang", Set.of("shenyang"));

    private AggregateTestFixture<Expo> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Expo.class);
    }

    @Test
    void canBePlanned() {
        fixture.givenNoPriorActivity()
                .when(new PlanExpo(COORDINATOR, "osaka", OSAKA.name(), "Osaka", OSAKA.opensOn(), OSAKA.closesOn()))
                .expectEvents(OSAKA);
    }

    @Test
    void cannotClosesBeforeItOpens() {
        fixture.givenNoPriorActivity()
                .when(new PlanExpo(COORDINATOR, "osaka", "Osaka", "Osaka", OSAKA.closesOn(), OSAKA.opensOn()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("closes"));
    }

    @Test
    void canEnrolACity() {
        fixture.given(OSAKA)
                .when(new EnrolUnit(COORDINATOR, "osaka", "shenyang", "Shenyang", UnitKind.CITY))
                .expectEvents(new UnitEnrolled("osaka", "shenyang", "Shenyang", UnitKind.CITY));
    }

    @Test
    void cannotEnrolAUnitTwice() {
        fixture.given(OSAKA, new UnitEnrolled("osaka", "shenyang", "Shenyang", UnitKind.CITY))
                .when(new EnrolUnit(COORDINATOR, "osaka", "shenyang", "Shenyang", UnitKind.CITY))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void cannotEnrolAUnitWhoseIdIsNotASlug() {
        fixture.given(OSAKA)
                .when(new EnrolUnit(COORDINATOR, "osaka", "Shen Yang", "Shenyang", UnitKind.CITY))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("slug"));
    }

    @Test
    void cannotBePlannedOrEnrolledByACity() {
        fixture.givenNoPriorActivity()
                .when(new PlanExpo(SHENYANG_CLERK, "osaka", "Osaka", "Osaka", OSAKA.opensOn(), OSAKA.closesOn()))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("only the expo office"));
        fixture.given(OSAKA)
                .when(new EnrolUnit(SHENYANG_CLERK, "osaka", "dalian", "Dalian", UnitKind.CITY))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }
}
