package org.expoflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.task.ClaimTask;
import org.expoflow.commands.api.task.TaskClaimed;
import org.expoflow.commands.api.task.UnclaimTask;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MetersByPayloadTypeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static Actor clerk(String unit) {
        return new Actor(unit, Set.of(unit));
    }

    @Test
    void aBusCountsAndTimesEachCommandUnderItsPayloadTypeAsAxonNamesIt() {
        MetersByPayloadType commandBus = MetersByPayloadType.ofBus(registry, "commandBus");
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new ClaimTask("t1", clerk("shenyang"), "shenyang")))
                .reportSuccess();
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new ClaimTask("t2", clerk("dalian"), "dalian")))
                .reportFailure(new IllegalStateException("claimed already"));
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new UnclaimTask("t1", clerk("shenyang")))).reportIgnored();

        assertThat(registry.get("commandBus.ingestedCounter").tag("payloadType", "ClaimTask").counter().count()).isEqualTo(2);
        assertThat(registry.get("commandBus.successCounter").tag("payloadType", "ClaimTask").counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.failureCounter").tag("payloadType", "ClaimTask").counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.processedCounter").tag("payloadType", "ClaimTask").counter().count()).isEqualTo(2);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "ClaimTask").timer().count()).isEqualTo(2);
        assertThat(registry.get("commandBus.failureTimer").tag("payloadType", "ClaimTask").timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.ignoredCounter").tag("payloadType", "UnclaimTask").counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.processedCounter").tag("payloadType", "UnclaimTask").counter().count()).isZero();
    }

    @Test
    void aProcessorsMetersCarryItsNameAndAreLookedUpOncePerPayloadType() {
        MetersByPayloadType readModels = MetersByPayloadType.ofProcessor(registry, "read-models");
        readModels.onMessageIngested(GenericEventMessage.asEventMessage(new TaskClaimed("t1", "d1", "shenyang", "shenyang"))).reportSuccess();
        int meters = registry.getMeters().size();
        for (int i = 0; i < 10; i++) {
            readModels.onMessageIngested(GenericEventMessage.asEventMessage(new TaskClaimed("t" + i, "d1", "shenyang", "shenyang"))).reportSuccess();
        }

        assertThat(registry.getMeters()).hasSize(meters);
        assertThat(registry.get("eventProcessor.successCounter").tags("payloadType", "TaskClaimed", "processorName", "read-models")
                .counter().count()).isEqualTo(11);
        assertThat(registry.get("eventProcessor.allTimer").tags("payloadType", "TaskClaimed", "processorName", "read-models")
                .timer().count()).isEqualTo(11);
    }
}
