package org.expoflow.commands.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.meeting.CloseMeeting;
import org.expoflow.commands.api.meeting.ConveneMeeting;
import org.expoflow.commands.api.meeting.DecisionRecorded;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.meeting.MeetingClosed;
import org.expoflow.commands.api.meeting.MeetingConvened;
import org.expoflow.commands.api.meeting.RecordDecision;
import org.expoflow.commands.api.meeting.RecordUnitReport;
import org.expoflow.commands.api.meeting.UnitReportRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingTest {

    private static final Instant HELD = Instant.parse("2030-01-10T02:00:00Z");
    private static final Actor LEADER = new Actor("leader", Set.of("leader"));
    private static final Actor SHENYANG = new Actor("shenyang", Set.of("shenyang"));
    private static final MeetingConvened CONVENED = new MeetingConvened("m1", "osaka", "Second preparatory meeting", HELD, HELD);

    private AggregateTestFixture<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
    }

    @Test
    void canBeConvenedByLeadershipAsOfTheMomentItOpens() {
        fixture.givenNoPriorActivity()
                .when(new ConveneMeeting(LEADER, "m1", "osaka", " Second preparatory meeting ", HELD, HELD))
                .expectEvents(CONVENED);
    }

    @Test
    void cannotBeConvenedByACityOrWithoutATitle() {
        fixture.givenNoPriorActivity()
                .when(new ConveneMeeting(SHENYANG, "m1", "osaka", "ours", HELD, HELD))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new ConveneMeeting(LEADER, "m1", "osaka", " ", HELD, HELD))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("title"));
    }

    @Test
    void canRecordReportsAndDecisionsUntilClosed() {
        fixture.given(CONVENED)
                .when(new RecordUnitReport("m1", LEADER, "dalian", "12 buyers", "no database", "share lists"))
                .expectEvents(new UnitReportRecorded("m1", "dalian", "12 buyers", "no database", "share lists"));
        fixture.given(CONVENED)
                .when(new RecordDecision("m1", LEADER, "x1", "Dalian joins Shenyang's Kobe mission", List.of("d9")))
                .expectEvents(new DecisionRecorded("m1", "x1", "Dalian joins Shenyang's Kobe mission", List.of("d9")));
        fixture.given(CONVENED)
                .when(new CloseMeeting("m1", LEADER))
                .expectEvents(new MeetingClosed("m1", "osaka"));
    }

    @Test
    void cannotChangeAClosedMeeting() {
        fixture.given(CONVENED, new MeetingClosed("m1", "osaka"))
                .when(new RecordDecision("m1", LEADER, "x2", "one more thing", List.of()))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("frozen"));
    }
}
