package org.expoflow.commands.task;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.task.CommentOnTask;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCommented;
import org.expoflow.commands.api.task.TaskCompleted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A step's comment thread: those concerned say something, leadership instructs; nothing is ever edited. */
class TaskCommentTest {

    private static final Instant DUE = Instant.parse("2030-02-01T00:00:00Z");
    private static final Actor SHENYANG_CLERK = new Actor("shenyang", Set.of("shenyang"));
    private static final Actor DALIAN_CLERK = new Actor("dalian", Set.of("dalian"));
    private static final Actor COORDINATOR = new Actor("coordinator", Set.of("coordinator"));
    private static final Actor LEADER = new Actor("leader", Set.of("leader"));

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    private static TaskAssigned assigned() {
        return new TaskAssigned("t1", "osaka", "d1", "shenyang", "p1", "sendInvitations", "Send invitations",
                "shenyang", DUE, Set.of(), null, false);
    }

    @Test
    void theUnitAndTheOfficeDiscussAStepEvenOnceItIsDone() {
        fixture.given(assigned(), new TaskCompleted("t1", "d1", "shenyang", "shenyang", Map.of(), Map.of(), null, null))
                .when(new CommentOnTask("t1", COORDINATOR, "  please add the Kobe contacts next time ", false))
                .expectEvents(new TaskCommented("t1", "d1", "shenyang", "coordinator", "please add the Kobe contacts next time", false));
        fixture.given(assigned())
                .when(new CommentOnTask("t1", SHENYANG_CLERK, "do the Kobe buyers count?", false))
                .expectEvents(new TaskCommented("t1", "d1", "shenyang", "shenyang", "do the Kobe buyers count?", false));
    }

    @Test
    void leadershipInstructsAndNobodyElseDoes() {
        fixture.given(assigned())
                .when(new CommentOnTask("t1", LEADER, "invite the Osaka chamber too", true))
                .expectEvents(new TaskCommented("t1", "d1", "shenyang", "leader", "invite the Osaka chamber too", true));
        fixture.given(assigned())
                .when(new CommentOnTask("t1", COORDINATOR, "invite the Osaka chamber too", true))
                .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void anEmptyCommentOrAnotherUnitsIsRefused() {
        fixture.given(assigned())
                .when(new CommentOnTask("t1", SHENYANG_CLERK, "   ", false))
                .expectNoEvents().expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("says something"));
        fixture.given(assigned())
                .when(new CommentOnTask("t1", DALIAN_CLERK, "not ours", false))
                .expectNoEvents().expectException(DomainRuleViolation.class);
    }
}
