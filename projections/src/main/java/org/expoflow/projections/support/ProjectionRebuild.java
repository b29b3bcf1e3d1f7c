package org.expoflow.projections.support;

import org.expoflow.commands.api.DomainRuleViolation;

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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a group of read models from the event store alone, beside the live ones, which go on answering and being
 * written throughout: every stored event, oldest first, is projected into new tables ({@link RebuildTables}), then the
 * new tables take the live ones' place, and queries never see a half-built model.
 * <p>
 * The rebuild runs the group's own handlers. The bulk of the store goes in batches of {@value #BATCH} events, each
 * projection given the rebuild's writer ({@link ReadModelProjection#writingThrough}), which holds its writes back for
 * the batch ({@link ReplayWrites}) and has a writer thread put them in while the next batch is projected. The events
 * stored meanwhile are then projected by the live handlers themselves, in the new tables, until the rebuild has
 * nearly caught up; the writers are then held (at most about a second: {@link ReadModelState#holdWriters}) for the
 * last events and the switch. Between batches it gives way to the node's requests as its {@link RebuildPace} says.
 * A rebuild that fails leaves the live model as it was, serving, and its reason in the
 * progress. Handlers marked not replayable (those acting on the engine) are not in such a group.
 */
@Component
public class ProjectionRebuild {

    /**
     * A projection as the administrator sees it: whether its live model runs ({@code running}: it does while a rebuild
     * runs or after one failed), whether a rebuild is under way ({@code replaying}) and how far it has got (the new
     * model's {@code position}, events replayed, against the store's {@code head}; the live model is always at the
     * head), and why its last rebuild failed, until one succeeds (null otherwise).
     */
    public record ProjectionProgress(String name, boolean running, boolean replaying, long position, long head,
                                     String failure) {
    }

    /** A rebuild that stopped on a failure, with its reason; the live model goes on serving as it was. */
    public static final class RebuildFailed extends RuntimeException {
        RebuildFailed(String group, String failure, Throwable cause) {
            super("the rebuild of '" + group + "' failed: " + failure, cause);
        }
    }

    static final int BATCH = 1000;
    /** How long the switch waits for the queries reading the live tables before it lets them go and tries again. */
    private static final long SWITCH_WAIT_MILLIS = 500;
    private static final int SWITCH_TRIES = 10;
    /** Events few enough to be projected with the writers held. */
    private static final int FEW = 20;
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final Configuration axon;
    private final EventStorageEngine storage;
    private final ReadModelState state;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final List<ReadModelProjection> projections;
    private final RebuildTables tables;
    private final RebuildPace pace;
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    public ProjectionRebuild(Configuration axon, EventStorageEngine storage, ReadModelState state,
                             TransactionTemplate transactions, Clock clock, JdbcTemplate jdbc,
                             List<ReadModelProjection> projections, RebuildTables tables, ObjectProvider<RebuildPace> pace) {
        this.axon = axon;
        this.storage = storage;
        this.state = state;
        this.transactions = transactions;
        this.clock = clock;
        this.jdbc = jdbc;
        this.projections = List.copyOf(projections);
        this.tables = tables;
        this.pace = pace.getIfAvailable(() -> RebuildPace.FULL_SPEED);
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
        Optional<ReadModelState.Rebuild> rebuild = state.lastRebuild(processor.getName());
        boolean underWay = rebuild.map(ReadModelState.Rebuild::underWay).orElse(false);
        return new ProjectionProgress(processor.getName(), processor.isRunning(), underWay,
                underWay ? rebuild.get().position() : head, head, rebuild.map(ReadModelState.Rebuild::failure).orElse(null));
    }

    /**
     * Starts the rebuild of a projection; {@link #progress()} tells how far it has got and
     * {@link #awaitRebuilt(String)} waits for it. False when there is no such projection.
     */
    public boolean rebuild(String name) {
        return start(name, false);
    }

    private boolean start(String name, boolean takenOver) {
        Optional<EventProcessor> found = axon.eventProcessingConfiguration().eventProcessor(name);
        if (found.isEmpty() || !isReadModelGroup(found.get())) {
            return false;
        }
        EventHandlerInvoker handlers = ((AbstractEventProcessor) found.get()).eventHandlerInvoker();
        running.compute(name, (group, previous) -> {
            if (previous != null && !previous.isDone()) {
                return previous;
            }
            // under way for every node from the moment it is asked for: progress never shows the old model as rebuilt
            boolean started = Boolean.TRUE.equals(transactions.execute(status -> {
                long head = position(storage.createHeadToken());
                if (takenOver) {
                    state.restartRebuild(group, clock.instant(), head);
                    return true;
                }
                return state.startRebuild(group, clock.instant(), head);
            }));
            if (!started) {
                throw underWayElsewhere(group);
            }
            return CompletableFuture.runAsync(() -> replay(group, handlers));
        });
        return true;
    }

    private DomainRuleViolation underWayElsewhere(String group) {
        Instant since = state.lastRebuild(group).map(ReadModelState.Rebuild::startedAt).orElse(clock.instant());
        return DomainRuleViolation.conflict("a rebuild of '" + group + "' started at " + since + " is under way on another node;"
                + " if that node has stopped, another takes the rebuild over within a few minutes").coded("rebuildUnderWayElsewhere", group);
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
                start(group, true);
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
     * A rebuild, and when it fails, its reason kept with the group for the administrator, its tables dropped and the
     * live model left serving, instead of a retry by every node, forever.
     */
    private void replay(String group, EventHandlerInvoker handlers) {
        try {
            replayAll(group, handlers);
        } catch (RuntimeException failure) {
            String reason = reason(failure);
            log.error("the rebuild of read models '{}' failed: {}", group, reason, failure);
            transactions.executeWithoutResult(status -> state.failRebuild(group, reason));
            try {
                tables.discard();
            } catch (RuntimeException notDropped) {
                log.warn("the tables of the failed rebuild of '{}' stay until the next rebuild: {}", group, notDropped.getMessage());
            }
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
        List<String> groupTables = projections.stream().flatMap(projection -> projection.tables().stream()).toList();
        TrackingToken token = null;
        try (ReplayWrites writes = new ReplayWrites(jdbc, transactions, this::batchOfTheRebuild)) {
            EventHandlerInvoker replaying = writingThrough(handlers, projections, writes);
            tables.prepare(groupTables);
            // the bulk, by the batch
            while (true) {
                long batchStarted = System.nanoTime();
                List<TrackedEventMessage<?>> batch = next(token);
                if (batch.isEmpty()) {
                    break;
                }
                token = transactions.execute(status -> {
                    batchOfTheRebuild();
                    return projectHere(batch, replaying, writes);
                });
                progressed(group, token);
                giveWay(batchStarted);
            }
            transactions.executeWithoutResult(status -> {
                batchOfTheRebuild();
                writes.finish();
            });
        }
        tables.analyse(groupTables, List.of("task_view"));
        // the events stored meanwhile, by the live handlers in the new tables, until few are left
        for (List<TrackedEventMessage<?>> batch = next(token); batch.size() > FEW; batch = next(token)) {
            long batchStarted = System.nanoTime();
            token = projectLive(batch, handlers);
            progressed(group, token);
            giveWay(batchStarted);
        }
        long last = switchOver(group, handlers, tables.prepareSwitch(groupTables, SWITCH_WAIT_MILLIS), token);
        try {
            tables.discard();
        } catch (RuntimeException notDropped) {
            // the rebuilt model serves already: the rebuild succeeded, and the next one drops what is left
            log.warn("the read models '{}' replaced by the rebuild stay beside until the next rebuild: {}", group,
                    notDropped.getMessage());
        }
        log.info("read models '{}' rebuilt beside the live ones and switched: up to position {} in {} ms", group, last,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void giveWay(long batchStarted) {
        try {
            pace.afterBatch(Duration.ofNanos(System.nanoTime() - batchStarted));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", interrupted);
        }
    }

    /** A transaction of the rebuild: its writes go to the new tables, committed without waiting for the disk. */
    private void batchOfTheRebuild() {
        tables.writeHere();
        state.commitBatchWithoutWaitingForDisk();
    }

    private void progressed(String group, TrackingToken token) {
        transactions.executeWithoutResult(status ->
                state.progressed(group, position(token), position(storage.createHeadToken()), clock.instant()));
    }

    private TrackingToken projectLive(List<TrackedEventMessage<?>> batch, EventHandlerInvoker handlers) {
        return transactions.execute(status -> {
            batchOfTheRebuild();
            return project(batch, handlers);
        });
    }

    /**
     * The writers held: the last events stored, then the new tables put in place of the live ones, in one transaction;
     * tried again when queries held the live tables for longer than the switch waits. The position switched at.
     */
    private long switchOver(String group, EventHandlerInvoker handlers, RebuildTables.Switch prepared, TrackingToken caughtUp) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    long asked = System.nanoTime();
                    state.holdWriters();
                    long held = System.nanoTime();
                    tables.writeHere();
                    TrackingToken at = caughtUp;
                    int last = 0;
                    for (List<TrackedEventMessage<?>> batch = next(at); !batch.isEmpty(); batch = next(at)) {
                        at = project(batch, handlers);
                        last += batch.size();
                    }
                    long projected = System.nanoTime();
                    state.finishRebuild(group, position(at));
                    tables.switchOver(prepared);
                    long switched = System.nanoTime();
                    log.info("read models '{}': writers held {} ms for the switch ({} ms until those in flight had committed,"
                            + " {} ms for the last {} events, {} ms to switch)", group, (switched - asked) / 1_000_000,
                            (held - asked) / 1_000_000, (projected - held) / 1_000_000, last, (switched - projected) / 1_000_000);
                    return position(at);
                });
            } catch (RebuildTables.SwitchBusy busy) {
                if (attempt == SWITCH_TRIES) {
                    throw busy;
                }
                log.info("read models '{}': the live tables were busy; the switch is tried again", group);
            }
        }
    }

    private List<TrackedEventMessage<?>> next(TrackingToken after) {
        try (Stream<? extends TrackedEventMessage<?>> stored = storage.readEvents(after, false)) {
            return new ArrayList<>(stored.limit(BATCH).toList());
        }
    }

    /** Projects a batch in the current transaction; the writes held back meanwhile are handed to the writer at its end. */
    private TrackingToken projectHere(List<TrackedEventMessage<?>> batch, EventHandlerInvoker handlers, ReplayWrites writes) {
        TrackingToken at = project(batch, handlers);
        writes.flush();
        return at;
    }

    private static TrackingToken project(List<TrackedEventMessage<?>> batch, EventHandlerInvoker handlers) {
        for (TrackedEventMessage<?> event : batch) {
            try {
                handlers.handle(event, Segment.ROOT_SEGMENT);
            } catch (Exception failure) {
                throw new IllegalStateException("replaying event " + event.getIdentifier() + " failed", failure);
            }
        }
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
