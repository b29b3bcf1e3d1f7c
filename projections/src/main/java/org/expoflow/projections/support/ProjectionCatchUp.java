package org.expoflow.projections.support;

import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for a caller: after a command has been stored, wait until every projection has
 * processed every event stored so far, so the caller's next read, on this node or any other, shows what
 * it just did.
 * <p>
 * Exact: a projection has processed the events up to the head when its token has reached the head
 * <em>and</em> none of the gaps it skipped below the head is a stored event. A gap is an index the
 * token passed while its transaction had not yet committed; comparing positions alone (as this once
 * did) let a read through while an event in a gap was still unprocessed. A gap that never became an
 * event (a transaction rolled back) does not hold anyone up.
 * <p>
 * Not polled: a waiter checks the tokens, then sleeps until {@link #projectionsProgressed()} says a
 * projection has committed a batch (on this node, or on another node that says so through the
 * database), and checks again. Tokens are read from the token store, so it does not matter which node
 * processes a projection's segments. Bounded: a stalled projection delays an answer by at most the
 * timeout, never blocks it.
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
    private final EventSchema events;
    private final Object progress = new Object();
    private long progressCount;

    public ProjectionCatchUp(Configuration axon, EventStore eventStore, JdbcTemplate jdbc, Serializer serializer,
                             TokenSchema tokens, EventSchema events) {
        this.events = events;
        this.axon = axon;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokens = tokens;
    }

    /** A projection has committed processed events: waiters check the tokens again. */
    public void projectionsProgressed() {
        synchronized (progress) {
            progressCount++;
            progress.notifyAll();
        }
    }

    /**
     * Waits until the projections have processed every event stored so far; at once when every
     * projection is projected in the writers' transactions (no tracking processor).
     */
    public void awaitHead() {
        if (streamingProcessorNames().isEmpty()) {
            return;
        }
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        if (target < 0) {
            return;
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long seen;
            synchronized (progress) {
                seen = progressCount;
            }
            if (allProcessed(target)) {
                return;
            }
            synchronized (progress) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    log.warn("projections did not process the events up to position {} within {}", target, TIMEOUT);
                    return;
                }
                if (progressCount == seen) {
                    try {
                        progress.wait(Math.max(1, remaining / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private boolean allProcessed(long target) {
        return streamingProcessorNames().stream().allMatch(name -> processed(name, target));
    }

    private List<String> streamingProcessorNames() {
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(processor -> processor.getName())
                .toList();
    }

    private boolean processed(String processorName, long target) {
        List<TrackingToken> segments = jdbc.query("select " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn() + " from "
                        + tokens.tokenTable() + " where " + tokens.processorNameColumn() + " = ?",
                (rs, n) -> token(rs.getBytes(1), rs.getString(2)), processorName);
        return !segments.isEmpty() && segments.stream().allMatch(token -> covers(token, target));
    }

    private boolean covers(TrackingToken token, long target) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null || current.position().orElse(-1) < target) {
            return false;
        }
        if (!(current instanceof GapAwareTrackingToken gapAware)) {
            return true;
        }
        SortedSet<Long> skipped = gapAware.getGaps().headSet(target + 1);
        return skipped.isEmpty() || !anyStored(skipped);
    }

    /** Whether any of these skipped indexes has since become a stored event (rather than a rolled-back insert). */
    private boolean anyStored(SortedSet<Long> indexes) {
        Integer stored = jdbc.queryForObject("select count(*) from " + events.domainEventTable() + " where "
                + events.globalIndexColumn() + " in (" + indexes.stream().limit(1000).map(String::valueOf)
                .collect(Collectors.joining(",")) + ")", Integer.class);
        return stored != null && stored > 0;
    }

    private TrackingToken token(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
    }
}
