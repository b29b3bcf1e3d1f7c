package org.expoflow.projections.support;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.sql.DataSource;

import org.expoflow.projections.api.ReadModelsRebuilding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether a group of read models is complete, or being rebuilt, for every node (table
 * {@code read_model_state}), and the gate that keeps its live projection and a rebuild apart.
 * <p>
 * The live projection runs in the writer's transaction. Each such transaction passes the gate shared
 * and then reads the state once: complete, it projects its events; rebuilding, it leaves them to the
 * rebuild, which reads them from the event store. A rebuild passes the gate exclusively to switch
 * (waiting for the writers in flight, holding new ones until it commits), so no event is projected
 * twice or lost: those projected live before the switch are replayed after the reset; those left to it
 * are in the store when it switches back. On PostgreSQL the gate is a transaction-scoped advisory lock,
 * for every node; on the embedded H2 (one node) a lock in this JVM held until the transaction ends.
 */
@Component
public class ReadModelState {

    /** Where a group's rebuild stands: {@code position} of {@code head} events replayed; why it stopped, if it failed. */
    public record Rebuild(String group, Instant startedAt, long position, long head, String failure) {
    }

    // any fixed number, the same on every node: the advisory lock that is the gate
    private static final long GATE = 0x4578706f466c6f77L;
    private static final String TRANSACTION_KEY = ReadModelState.class.getName() + ".passed";

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final ReadWriteLock localGate = new ReentrantReadWriteLock();

    public ReadModelState(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** For a writer's transaction: whether its events are projected now (once per transaction). */
    public boolean openForLiveProjection(String group) {
        return passedInThisTransaction().stream().noneMatch(rebuild -> rebuild.group().equals(group));
    }

    /**
     * The rebuilds under way as this transaction passed the gate, shared, the first time it asked: none can start
     * or switch back until the transaction ends, so the one reading holds for its queries and its projections alike
     * (a clerk's completion asked three times: its step read, and the projection's gate and state).
     */
    private List<Rebuild> passedInThisTransaction() {
        @SuppressWarnings("unchecked")
        List<Rebuild> passed = (List<Rebuild>) TransactionSynchronizationManager.getResource(TRANSACTION_KEY);
        if (passed == null) {
            enterShared();
            passed = running();
            TransactionSynchronizationManager.bindResource(TRANSACTION_KEY, passed);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_KEY);
                }
            });
        }
        return passed;
    }

    /**
     * For a query: its answer, read from complete read models; refused with {@link ReadModelsRebuilding} while
     * any group is being rebuilt, also when a rebuild began while it read. A rebuild marks itself and empties
     * the tables in one transaction: on PostgreSQL a reader sees both or neither, so finding nothing is
     * checked again against the mark. H2 lets a reader see the emptied tables before the mark while that
     * transaction commits (a clerk completing a step at that moment was told it does not exist,
     * RebuildUnderWayTest): there the query reads holding this JVM's gate, which no rebuild switches while
     * held. Inside a transaction (a writer reading the step it is about to change) the gate is passed once for
     * the whole transaction, as its projections pass it, and held to its end.
     */
    public <T> T answerFromComplete(Callable<T> query) throws Exception {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            requireComplete(passedInThisTransaction());
            return query.call();
        }
        if (postgres) {
            requireComplete();
            T answer = query.call();
            if (answer == null) {
                requireComplete();
            }
            return answer;
        }
        Lock gate = localGate.readLock();
        gate.lock();
        try {
            requireComplete();
            return query.call();
        } finally {
            gate.unlock();
        }
    }

    /** Refused with {@link ReadModelsRebuilding} while any group is being rebuilt. */
    private void requireComplete() {
        requireComplete(running());
    }

    private static void requireComplete(List<Rebuild> running) {
        if (!running.isEmpty()) {
            Rebuild rebuild = running.get(0);
            throw rebuild.failure() == null ? new ReadModelsRebuilding(rebuild.position(), rebuild.head())
                    : ReadModelsRebuilding.failed(rebuild.position(), rebuild.head(), rebuild.failure());
        }
    }

    public Optional<Rebuild> rebuilding(String group) {
        return running().stream().filter(rebuild -> rebuild.group().equals(group)).findFirst();
    }

    /** In the rebuild's transaction that resets the group: from its commit, writers leave the group to the rebuild. */
    void startRebuild(String group, Instant at, long head) {
        enterExclusive();
        if (jdbc.update("update read_model_state set rebuilding = true, started_at = ?, progressed_at = ?, position = -1,"
                + " head = ?, failure = null where processing_group = ?", Times.utc(at), Times.utc(at), head, group) == 0) {
            jdbc.update("insert into read_model_state (processing_group, rebuilding, started_at, progressed_at, position, head)"
                    + " values (?, true, ?, ?, -1, ?)", group, Times.utc(at), Times.utc(at), head);
        }
    }

    void progressed(String group, long position, long head, Instant at) {
        jdbc.update("update read_model_state set position = ?, head = ?, progressed_at = ? where processing_group = ?",
                position, head, Times.utc(at), group);
    }

    /**
     * The rebuild stopped on a failure: still marked under way (its read models are half built), with the reason,
     * and without a heartbeat, so that no node takes it over by itself ({@link #claimAbandonedRebuilds}) to fail
     * again; a rebuild started anew clears it.
     */
    void failRebuild(String group, String failure) {
        jdbc.update("update read_model_state set progressed_at = null, failure = ? where processing_group = ? and rebuilding = true",
                failure.length() > 2000 ? failure.substring(0, 2000) : failure, group);
    }

    /**
     * The groups whose rebuild is marked under way but has not moved since {@code stillBefore}: their node
     * died with them. A mark without a heartbeat (set by hand, or before there were heartbeats) is left alone. Each is claimed for the caller by moving its heartbeat to {@code now}, so of several
     * nodes asking at once one takes it over.
     */
    List<String> claimAbandonedRebuilds(Instant stillBefore, Instant now) {
        List<String> claimed = new java.util.ArrayList<>();
        for (Rebuild rebuild : running()) {
            if (jdbc.update("update read_model_state set progressed_at = ? where processing_group = ? and rebuilding = true"
                    + " and progressed_at < ?", Times.utc(now), rebuild.group(), Times.utc(stillBefore)) == 1) {
                claimed.add(rebuild.group());
            }
        }
        return claimed;
    }

    /** Holds the writers until this transaction ends: the rebuild's last events, then the switch back. */
    void holdWriters() {
        enterExclusive();
    }

    /** In the transaction that projects the rebuild's last events, with the writers held. */
    void finishRebuild(String group, long position) {
        // the heartbeat lives only while a rebuild runs: a mark set otherwise is never taken for a dead node's
        jdbc.update("update read_model_state set rebuilding = false, progressed_at = null, position = ?, head = ?"
                + " where processing_group = ?", position, position, group);
    }

    /**
     * A batch of a rebuild commits without waiting for the disk (PostgreSQL's asynchronous commit): a crash
     * can lose only batches of a rebuild that is then still marked under way and is run again from nothing,
     * and the rebuild's last, durable commit makes all before it durable too.
     */
    void commitBatchWithoutWaitingForDisk() {
        if (postgres) {
            jdbc.execute("set local synchronous_commit to off");
        }
    }

    /**
     * After a rebuild, on PostgreSQL: the planner's statistics of the tables it filled, learnt at once rather than
     * after autovacuum's next pass (until then it estimated a handful of rows and sorted on disk), and the task rows
     * it wrote marked visible to every transaction (a vacuum), so that the statistics count from their index alone
     * from the first request on (V27), not only after autovacuum's next visit (docs/performance.md).
     */
    void refreshStatistics() {
        if (postgres) {
            jdbc.execute("analyze");
            jdbc.execute("vacuum task_view");
        }
    }

    private List<Rebuild> running() {
        return jdbc.query("select processing_group, started_at, position, head, failure from read_model_state where rebuilding = true",
                (rs, n) -> new Rebuild(rs.getString("processing_group"), Times.instant(rs, "started_at"),
                        rs.getLong("position"), rs.getLong("head"), rs.getString("failure")));
    }

    private void enterShared() {
        if (postgres) {
            jdbc.queryForList("select pg_advisory_xact_lock_shared(?)", GATE);
        } else {
            hold(localGate.readLock());
        }
    }

    private void enterExclusive() {
        if (postgres) {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", GATE);
        } else {
            hold(localGate.writeLock());
        }
    }

    /** Takes a lock of this JVM until the current transaction has ended. */
    private static void hold(Lock lock) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the read models' gate is passed inside a transaction");
        }
        lock.lock();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }

}
