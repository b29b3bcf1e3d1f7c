package org.expoflow.projections.support;

import java.time.Duration;
import java.util.List;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for a caller: after a command has been stored, wait until every projection has
 * processed the event store up to its head, so the caller's next read shows what it just did.
 * Positions are read from the token store, so it does not matter which node (or which application
 * instance on the same database) processes a projection's segments.
 * Bounded: a stalled projection delays an answer by at most the timeout, never blocks it.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Configuration axon;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TokenSchema tokens;

    public ProjectionCatchUp(Configuration axon, EventStore eventStore, JdbcTemplate jdbc, Serializer serializer,
                             TokenSchema tokens) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokens = tokens;
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
                .map(processor -> processor.getName())
                .allMatch(name -> reached(name, target));
    }

    private boolean reached(String processorName, long target) {
        List<Long> positions = jdbc.query("select " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn() + " from "
                        + tokens.tokenTable() + " where " + tokens.processorNameColumn() + " = ?",
                (rs, n) -> position(rs.getBytes(1), rs.getString(2)), processorName);
        return !positions.isEmpty() && positions.stream().allMatch(position -> position >= target);
    }

    private long position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return -1;
        }
        TrackingToken trackingToken = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return trackingToken == null ? -1 : trackingToken.position().orElse(-1);
    }
}
