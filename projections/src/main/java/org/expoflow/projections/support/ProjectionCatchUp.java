package org.expoflow.projections.support;

import java.time.Duration;
import java.util.OptionalLong;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for a caller: after a command has been stored, wait until every projection has
 * processed the event store up to its head, so the caller's next read shows what it just did.
 * Bounded: a stalled projection delays an answer by at most the timeout, never blocks it.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Configuration axon;
    private final EventStore eventStore;

    public ProjectionCatchUp(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    /** Waits until the projections have seen every event stored so far. */
    public void awaitHead() {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        if (target < 0) {
            return;
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!allProcessed(target)) {
            if (System.nanoTime() > deadline) {
                log.warn("projections did not reach event position {} within {}", target, TIMEOUT);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean allProcessed(long target) {
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> reached(processor, target));
    }

    private static boolean reached(StreamingEventProcessor processor, long target) {
        if (processor.processingStatus().isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong position = status.getCurrentPosition();
            if (position.isEmpty() || position.getAsLong() < target) {
                return false;
            }
        }
        return true;
    }
}
