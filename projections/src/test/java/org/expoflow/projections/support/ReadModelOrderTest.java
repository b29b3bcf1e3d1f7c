package org.expoflow.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.expoflow.commands.api.DirectiveIssued;
import org.expoflow.commands.api.ExpoPlanned;
import org.expoflow.commands.api.ProgressReported;
import org.expoflow.commands.api.TaskDueSoon;
import org.expoflow.commands.api.UnitEnrolled;
import org.expoflow.commands.api.UnitKind;
import org.junit.jupiter.api.Test;

class ReadModelOrderTest {

    private static final Instant DUE = Instant.parse("2030-03-31T15:59:59Z");
    private final ReadModelOrder order = new ReadModelOrder();

    @Test
    void aDirectiveAndEveryStepOfItAreProjectedInOrderThoughTheStepsAreAggregatesOfTheirOwn() {
        Object issued = sequenceOf("invite", new DirectiveIssued("invite", "osaka", "invite-buyers", "Invite buyers", null,
                null, DUE, List.of("shenyang"), Map.of(), null));
        Object reported = sequenceOf("task-1", new ProgressReported("task-1", "invite", "shenyang", 40, null, null, null,
                Map.of("buyersInvited", BigDecimal.TEN)));
        Object dueSoon = sequenceOf("task-2", new TaskDueSoon("task-2", "invite", "dalian", DUE));

        assertThat(reported).isEqualTo(issued);
        assertThat(dueSoon).isEqualTo(issued);
    }

    @Test
    void twoDirectivesMayBeProjectedAtOnce() {
        assertThat(sequenceOf("task-1", new TaskDueSoon("task-1", "invite", "shenyang", DUE)))
                .isNotEqualTo(sequenceOf("task-2", new TaskDueSoon("task-2", "ship", "shenyang", DUE)));
    }

    @Test
    void anExposOwnEventsStayInOrder() {
        Object planned = sequenceOf("osaka", new ExpoPlanned("osaka", "Osaka", "Osaka", LocalDate.of(2030, 4, 1),
                LocalDate.of(2030, 4, 7)));
        Object enrolled = sequenceOf("osaka", new UnitEnrolled("osaka", "shenyang", "沈阳市", UnitKind.CITY));

        assertThat(enrolled).isEqualTo(planned)
                .isNotEqualTo(sequenceOf("tokyo", new UnitEnrolled("tokyo", "shenyang", "沈阳市", UnitKind.CITY)));
    }

    private Object sequenceOf(String aggregate, Object payload) {
        EventMessage<?> event = new GenericDomainEventMessage<>("Aggregate", aggregate, 0, payload);
        return order.getSequenceIdentifierFor(event);
    }
}
