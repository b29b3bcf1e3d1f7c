package org.expoflow.workflow.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine for an event store in which no snapshot is ever taken. ExpoFlow's aggregates
 * (a task, a directive, an expo, a meeting) hold a few to a few dozen events each, read back faster than a
 * snapshot would be; yet Axon looks for a snapshot before loading any aggregate, one query for every
 * command a clerk's completion sends (the write-path benchmark's database statistics). That look-up is
 * skipped here. Taking snapshots one day means removing this class.
 * <p>
 * An event read back has its time read once ({@link StoredTimestamps}): Axon's entries keep it as text and
 * parse it each time it is asked for, twice for every event a rebuild reads (once to decide
 * whether a gap before it may still fill, once for the message). The token after each event is
 * worked out as Axon's engine does, with the same gap settings ({@link #configured}).
 */
class EventStoreWithoutSnapshots extends JdbcEventStorageEngine {

    /** Axon's own defaults, set explicitly: the token after each event below is worked out with them. */
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    EventStoreWithoutSnapshots(JdbcEventStorageEngine.Builder builder) {
        super(configured(builder));
    }

    private static JdbcEventStorageEngine.Builder configured(JdbcEventStorageEngine.Builder builder) {
        return builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).gapTimeout(GAP_TIMEOUT_MILLIS);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return entry(resultSet, resultSet.getString(schema().aggregateIdentifierColumn()));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        // an event of no aggregate is stored under its own identifier
        EntryReadOnce event = entry(resultSet,
                aggregateIdentifier.equals(resultSet.getString(schema.eventIdentifierColumn())) ? null : aggregateIdentifier);
        // an index skipped by an event stored long enough ago will not be filled by a transaction still running
        boolean gapsMayFill = event.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalIndex, gapsMayFill
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : new TreeSet<>());
        } else {
            token = previousToken.advanceTo(globalIndex, gapsMayFill ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    private EntryReadOnce entry(ResultSet resultSet, String aggregateIdentifier) throws SQLException {
        EventSchema schema = schema();
        return new EntryReadOnce(resultSet.getString(schema.typeColumn()), aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), resultSet.getString(schema.eventIdentifierColumn()),
                resultSet.getString(schema.timestampColumn()), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** A stored event whose time is read from its text once, when it is read from the store. */
    private static final class EntryReadOnce extends GenericDomainEventEntry<Object> {

        private final Instant timestamp;

        EntryReadOnce(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String storedTime,
                      String payloadType, String payloadRevision, Object payload, Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, storedTime, payloadType, payloadRevision, payload,
                    metaData);
            this.timestamp = StoredTimestamps.parse(storedTime);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
