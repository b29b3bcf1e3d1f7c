package org.expoflow.projections.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a group of read models from the event store alone: its reset handlers empty its tables, then
 * every stored event is projected again, oldest first. Handlers marked not replayable (those acting on
 * the engine) are not in such a group.
 * <p>
 * The group is projected in the writers' transactions; it is replayed here, in batches of
 * {@value #BATCH} events, while {@link ReadModelState} says it is being rebuilt: writers leave it alone
 * meanwhile and queries answer that a rebuild is under way. The rebuild runs the group's own handlers, each
 * projection given the rebuild's writer instead of the live one ({@link ReadModelProjection#writingThrough}):
 * its writes are held back for the batch ({@link ReplayWrites}), which a writer thread puts in the database
 * while the next batch is projected. When the replay has caught up, the writers are held for the last events, everything still
 * held back and the switch back, so the group is complete again at once.
 */
@Component
public class ProjectionRebuild {

    /**
     * How far a projection has got: events processed (its position) out of the store's head; why its rebuild
     * stopped, when it failed (null otherwise).
     */
    public record ProjectionProgress(String name, boolean running, boolean replaying, long position, long head,
                                     String failure) {
    }

    /** A rebuild that stopped on a failure, with its reason; the group stays marked under way until rebuilt again. */
    public static final class RebuildFailed extends RuntimeException {
        RebuildFailed(String group, String failure, Throwable cause) {
            super("the rebuild of '" + group + "' failed: " + failure, cause);
        }
    }

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final Configuration axon;
    private final EventStorageEngine storage;
    private final ReadModelState state;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final List<ReadModelProjection> projections;
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    public ProjectionRebuild(Configuration axon, EventStorageEngine storage, ReadModelState state,
                             TransactionTemplate transactions, Clock clock, JdbcTemplate jdbc,
                             List<ReadModelProjection> projections) {
        this.axon = axon;
        this.storage = storage;
        this.state = state;
        this.transactions = transactions;
        this.clock = clock;
        this.jdbc = jdbc;
        this.projections = List.copyOf(projections);
    }

    public List<ProjectionProgress> progress() {
        long head = position(storage.createHeadToken());
        List<ProjectionProgress> progress = new ArrayList<>();
        axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(ProjectionRebuild::isReadModelGroup)
                .forEach(processor -> progress.add(progressOf(processor, head)));
        return progress;
    }

    private ProjectionProgress progressOf(EventProcessor processor, long head) {
        Optional<ReadModelState.Rebuild> rebuild = state.rebuilding(processor.getName());
        return rebuild.map(r -> new ProjectionProgress(processor.getName(), r.failure() == null, true, r.position(), head,
                        r.failure()))
                .orElseGet(() -> new ProjectionProgress(processor.getName(), processor.isRunning(), false, head, head, null));
    }

    /**
     * Starts the rebuild of a projection; {@link #progress()} tells how far it has got and
     * {@link #awaitRebuilt(String)} waits for it. False when there is no such projection.
     */
    public boolean rebuild(String name) {
        Optional<EventProcessor> found = axon.eventProcessingConfiguration().eventProcessor(name);
        if (found.isEmpty() || !isReadModelGroup(found.get())) {
            return false;
        }
        EventHandlerInvoker handlers = ((AbstractEventProcessor) found.get()).eventHandlerInvoker();
        running.compute(name, (group, previous) -> previous != null && !previous.isDone() ? previous
                : CompletableFuture.runAsync(() -> replay(group, handlers)));
        return true;
    }

    /**
     * Takes over the rebuilds whose node died with them (marked under way, no progress since
     * {@code abandonedAfter}): each is started again here, from nothing. The groups taken over.
     */
    public List<String> resumeAbandoned(Duration abandonedAfter) {
        Instant now = clock.instant();
        List<String> claimed = transactions.execute(status -> state.claimAbandonedRebuilds(now.minus(abandonedAfter), now));
        for (String group : claimed) {
            CompletableFuture<Void> here = running.get(group);
            if (here == null || here.isDone()) {
                log.warn("the rebuild of read models '{}' made no progress for {}: its node is gone; rebuilding here", group,
                        abandonedAfter);
                rebuild(group);
            }
        }
        return claimed;
    }

    /** Waits until a rebuild started on this node has finished (at once if none runs); {@link RebuildFailed} if it failed. */
    public void awaitRebuilt(String name) {
        CompletableFuture<Void> rebuild = running.get(name);
        if (rebuild != null) {
            try {
                rebuild.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RebuildFailed stopped ? stopped : failed;
            }
        }
    }

    /**
     * A rebuild, and when it fails, its reason kept with the group's mark (a half-built group stays marked: queries go
     * on answering that it cannot be read, now with the reason) instead of a retry by every node, forever.
     */
    private void replay(String group, EventHandlerInvoker handlers) {
        try {
            replayAll(group, handlers);
        } catch (RuntimeException failure) {
            String reason = reason(failure);
            log.error("the rebuild of read models '{}' failed: {}", group, reason, failure);
            transactions.executeWithoutResult(status -> state.failRebuild(group, reason));
            throw new RebuildFailed(group, reason, failure);
        }
    }

    // the failure's own words and those of its causes, outermost first: "replaying event X failed: ... : ..."
    private static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < 1500; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (reason.indexOf(message) < 0) {
                reason.append(reason.isEmpty() ? "" : ": ").append(message);
            }
        }
        return reason.toString();
    }

    private void replayAll(String group, EventHandlerInvoker handlers) {
        long started = System.nanoTime();
        long events = 0;
        long last;
        try (ReplayWrites writes = new ReplayWrites(jdbc, transactions, state::commitBatchWithoutWaitingForDisk)) {
            EventHandlerInvoker replaying = writingThrough(handlers, projections, writes);
            transactions.executeWithoutResult(status -> {
                state.startRebuild(group, clock.instant(), position(storage.createHeadToken()));
                replaying.performReset();
            });
            TrackingToken token = null;
            while (true) {
                List<TrackedEventMessage<?>> batch = next(token);
                if (batch.isEmpty()) {
                    break;
                }
                TrackingToken replayed = transactions.execute(status -> {
                    state.commitBatchWithoutWaitingForDisk();
                    return projectHere(batch, replaying, writes);
                });
                transactions.executeWithoutResult(status ->
                        state.progressed(group, position(replayed), position(storage.createHeadToken()), clock.instant()));
                token = replayed;
                events += batch.size();
            }
            // the writers are held from here to the switch back: whatever they stored meanwhile is projected first
            TrackingToken caughtUp = token;
            last = transactions.execute(status -> {
                state.holdWriters();
                TrackingToken at = caughtUp;
                for (List<TrackedEventMessage<?>> batch = next(at); !batch.isEmpty(); batch = next(at)) {
                    at = projectHere(batch, replaying, writes);
                }
                writes.finish();
                state.finishRebuild(group, position(at));
                return position(at);
            });
        }
        state.refreshStatistics();
        log.info("read models '{}' rebuilt: {} events up to position {} in {} ms", group, events, last,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<TrackedEventMessage<?>> next(TrackingToken after) {
        try (Stream<? extends TrackedEventMessage<?>> stored = storage.readEvents(after, false)) {
            return new ArrayList<>(stored.limit(BATCH).toList());
        }
    }

    /** Projects a batch in the current transaction; the writes held back meanwhile are handed to the writer at its end. */
    private TrackingToken projectHere(List<TrackedEventMessage<?>> batch, EventHandlerInvoker handlers, ReplayWrites writes) {
        for (TrackedEventMessage<?> event : batch) {
            try {
                handlers.handle(event, Segment.ROOT_SEGMENT);
            } catch (Exception failure) {
                throw new IllegalStateException("replaying event " + event.getIdentifier() + " failed", failure);
            }
        }
        writes.flush();
        return batch.get(batch.size() - 1).trackingToken();
    }

    /**
     * The group's handlers, in their order, each its projection writing through {@code writes}. Every handler of the
     * group must be one of {@code projections}: one the rebuild could not give its writer stops it before anything is
     * reset. A failing handler fails the rebuild, as it fails a write live.
     */
    static EventHandlerInvoker writingThrough(EventHandlerInvoker live, List<? extends ReadModelProjection> projections,
                                              ReadModelWrites writes) {
        Map<Class<?>, ReadModelProjection> byType = new HashMap<>();
        projections.forEach(projection -> byType.put(projection.getClass(), projection));
        List<Object> handlers = handlersOf(live).stream().map(handler -> {
            ReadModelProjection projection = byType.get(handler.getTargetType());
            if (projection == null) {
                throw new IllegalStateException("the read models' handler " + handler.getTargetType().getName()
                        + " is not a " + ReadModelProjection.class.getSimpleName() + ": a rebuild cannot give it its writer");
            }
            return projection.writingThrough(writes);
        }).toList();
        return SimpleEventHandlerInvoker.builder().eventHandlers(handlers)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build();
    }

    private static List<EventMessageHandler> handlersOf(EventHandlerInvoker invoker) {
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers();
        }
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(delegate -> handlersOf(delegate).stream()).toList();
        }
        throw new IllegalStateException("the read models' handlers cannot be found in " + invoker.getClass().getName());
    }

    /** A group of read models: the processing group the projections share. */
    private static boolean isReadModelGroup(EventProcessor processor) {
        return ReadModels.PROCESSING_GROUP.equals(processor.getName());
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}
