package org.expoflow.projections.support;

import java.util.List;
import java.util.OptionalLong;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Resets a projection and replays the event store into it: its reset handlers empty its tables, then
 * its tracking processor reads every event again from the first. Handlers marked not replayable (those
 * acting on the engine) are skipped by the replay.
 */
@Component
public class ProjectionRebuild {

    /** How far a projection has got: events processed (its position) out of the store's head. */
    public record ProjectionProgress(String name, boolean running, boolean replaying, long position, long head) {
    }

    private final Configuration axon;
    private final EventStore eventStore;

    public ProjectionRebuild(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    public List<ProjectionProgress> progress() {
        long head = position(eventStore.createHeadToken());
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(processor -> new ProjectionProgress(processor.getName(), processor.isRunning(), processor.isReplaying(),
                        processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                                .mapToLong(position -> position.orElse(-1)).min().orElse(-1),
                        head))
                .toList();
    }

    /** Starts the rebuild of a projection; {@link #progress()} tells when it has caught up. */
    public boolean rebuild(String name) {
        var processor = axon.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return false;
        }
        processor.get().shutDown();
        processor.get().resetTokens();
        processor.get().start();
        return true;
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}
