package org.expoflow.workflow.config;

import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine for an event store in which no snapshot is ever taken. ExpoFlow's aggregates
 * (a task, a directive, an expo, a meeting) hold a few to a few dozen events each, read back faster than a
 * snapshot would be; yet Axon looks for a snapshot before loading any aggregate, one query for every
 * command a clerk's completion sends (the write-path benchmark's database statistics). That look-up is
 * skipped here. Taking snapshots one day means removing this class.
 */
class EventStoreWithoutSnapshots extends JdbcEventStorageEngine {

    EventStoreWithoutSnapshots(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
