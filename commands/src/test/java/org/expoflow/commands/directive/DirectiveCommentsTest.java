package org.expoflow.commands.directive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.directive.CommentOnDirective;
import org.expoflow.commands.api.directive.DirectiveCommented;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.DomainRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A directive's own thread: a unit on it asks, a co-operating unit too, leadership instructs every unit at once;
 * a unit the directive does not concern may not, nor may anyone but leadership instruct, and an empty comment is
 * refused.
 */
class DirectiveCommentsTest {

    private static final DirectiveIssued ISSUED = new DirectiveIssued("d1", "osaka", "invite-buyers", "Invite buyers", null,
            LocalDate.parse("2030-02-01"), Instant.parse("2030-02-01T15:59:59Z"), List.of("shenyang"), Map.of(), null, null,
            Map.of("shenyang", List.of("anshan")));

    private AggregateTestFixture<Directive> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Directive.class);
    }

    @Test
    void theUnitsOnItTheOfficeAndLeadershipCommentAndLeadershipInstructs() {
        fixture.given(ISSUED)
                .when(new CommentOnDirective("d1", new Actor("anshan-clerk", Set.of("anshan")), " 鞍山负责大阪以外地区 ", false))
                .expectEvents(new DirectiveCommented("d1", "osaka", "anshan-clerk", "鞍山负责大阪以外地区", false,
                        List.of("shenyang", "anshan")));
        fixture.given(ISSUED)
                .when(new CommentOnDirective("d1", new Actor("leader", Set.of(Actor.LEADER)), "务必月底前完成", true))
                .expectEvents(new DirectiveCommented("d1", "osaka", "leader", "务必月底前完成", true,
                        List.of("shenyang", "anshan")));
    }

    @Test
    void othersMayNotCommentOnlyLeadershipInstructsAndACommentSaysSomething() {
        fixture.given(ISSUED)
                .when(new CommentOnDirective("d1", new Actor("dalian-clerk", Set.of("dalian")), "?", false))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        fixture.given(ISSUED)
                .when(new CommentOnDirective("d1", new Actor("coordinator", Set.of(Actor.COORDINATOR)), "必须完成", true))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        fixture.given(ISSUED)
                .when(new CommentOnDirective("d1", new Actor("coordinator", Set.of(Actor.COORDINATOR)), "  ", false))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("says something"));
    }
}
