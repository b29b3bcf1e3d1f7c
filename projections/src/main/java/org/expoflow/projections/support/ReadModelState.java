package org.expoflow.projections.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where each group's rebuild stands, for every node (table {@code read_model_state}), and the gate that lets a
 * rebuild put its tables in place of the live ones between two writers.
 * <p>
 * The live read models always answer: a rebuild fills tables of its own beside them ({@link RebuildTables}) while
 * writers go on projecting into the live ones. Each writer's transaction passes the gate shared, once, before it
 * reads or projects the read models; the rebuild passes it exclusively for its last events and the switch
 * (waiting for the writers in flight, holding new ones until it commits), so that every event is in the tables
 * that serve after the switch exactly once: those committed before it were replayed by the rebuild, the others are
 * projected by their writers into the new tables. On PostgreSQL the gate is a transaction-scoped advisory lock,
 * for every node; on the embedded H2 (one node) a lock in this JVM held until the transaction ends, which queries
 * pass too, as H2 copies the rebuilt rows into place (docs/adr/0026-rebuild-beside-the-live-model.md).
 */
@Component
public class ReadModelState {

    /**
     * A group's last rebuild: {@code position} of {@code head} events replayed, whether it is {@code underWay}, why it
     * stopped if it failed (the live model serving meanwhile).
     */
    public record Rebuild(String group, Instant startedAt, long position, long head, String failure, boolean underWay) {
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

    /** For a writer's transaction, before it projects its events: the gate, passed once per transaction. */
    public void passForLiveProjection() {
        if (TransactionSynchronizationManager.getResource(TRANSACTION_KEY) == null) {
            enterShared();
            TransactionSynchronizationManager.bindResource(TRANSACTION_KEY, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_KEY);
                }
            });
        }
    }

    /**
     * For a query: its answer from the live read models, which are never half built. Inside a transaction (a writer
     * reading the step it is about to change) the gate is passed once for the whole transaction, as its projections
     * pass it, so that it reads and writes the same tables. On H2 a query outside a transaction passes this JVM's
     * gate while it reads, as a switch copies the rebuilt rows in; on PostgreSQL the switch moves whole tables,
     * which a query waits for.
     */
    public <T> T answerFromLiveModel(Callable<T> query) throws Exception {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            passForLiveProjection();
            return query.call();
        }
        if (postgres) {
            return query.call();
        }
        Lock gate = localGate.readLock();
        gate.lock();
        try {
            return query.call();
        } finally {
            gate.unlock();
        }
    }

    /** The rebuild under way for the group, if one is. */
    public Optional<Rebuild> rebuilding(String group) {
        return lastRebuild(group).filter(Rebuild::underWay);
    }

    /** The group's last rebuild, under way, failed or done; none if it was never rebuilt. */
    public Optional<Rebuild> lastRebuild(String group) {
        return jdbc.query("select processing_group, started_at, position, head, failure, rebuilding from read_model_state"
                + " where processing_group = ?", ReadModelState::rebuild, group).stream().findFirst();
    }

    /**
     * A rebuild begins: from the commit, every node sees it under way (and not yet failed). Only one node builds the
     * one table set beside the live model: false, and nothing changed, while another node's rebuild is under way.
     */
    boolean startRebuild(String group, Instant at, long head) {
        if (jdbc.update("update read_model_state set rebuilding = true, started_at = ?, progressed_at = ?, position = -1,"
                + " head = ?, failure = null where processing_group = ? and rebuilding = false", Times.utc(at), Times.utc(at),
                head, group) == 1) {
            return true;
        }
        if (lastRebuild(group).isPresent()) {
            return false;
        }
        try {
            jdbc.update("insert into read_model_state (processing_group, rebuilding, started_at, progressed_at, position, head)"
                    + " values (?, true, ?, ?, -1, ?)", group, Times.utc(at), Times.utc(at), head);
            return true;
        } catch (DuplicateKeyException anotherNodeFirst) {
            return false;
        }
    }

    /** A rebuild this node has claimed from a node that died with it ({@link #claimAbandonedRebuilds}) starts again. */
    void restartRebuild(String group, Instant at, long head) {
        jdbc.update("update read_model_state set rebuilding = true, started_at = ?, progressed_at = ?, position = -1,"
                + " head = ?, failure = null where processing_group = ?", Times.utc(at), Times.utc(at), head, group);
    }

    void progressed(String group, long position, long head, Instant at) {
        jdbc.update("update read_model_state set position = ?, head = ?, progressed_at = ? where processing_group = ?",
                position, head, Times.utc(at), group);
    }

    /**
     * The rebuild stopped on a failure: no longer under way (the live model, untouched, goes on serving), with the
     * reason kept for the administrator until a rebuild succeeds; no node takes it up again by itself.
     */
    void failRebuild(String group, String failure) {
        jdbc.update("update read_model_state set rebuilding = false, progressed_at = null, failure = ? where processing_group = ?",
                failure.length() > 2000 ? failure.substring(0, 2000) : failure, group);
    }

    /**
     * The groups whose rebuild is marked under way but has not moved since {@code stillBefore}: their node
     * died with them. A mark without a heartbeat (set by hand, or before there were heartbeats) is left alone. Each is claimed for the caller by moving its heartbeat to {@code now}, so of several
     * nodes asking at once one takes it over.
     */
    List<String> claimAbandonedRebuilds(Instant stillBefore, Instant now) {
        List<String> claimed = new ArrayList<>();
        for (Rebuild rebuild : running()) {
            if (jdbc.update("update read_model_state set progressed_at = ? where processing_group = ? and rebuilding = true"
                    + " and progressed_at < ?", Times.utc(now), rebuild.group(), Times.utc(stillBefore)) == 1) {
                claimed.add(rebuild.group());
            }
        }
        return claimed;
    }

    /** Holds the writers until this transaction ends: the rebuild's last events, then the switch. */
    void holdWriters() {
        enterExclusive();
    }

    /** In the transaction that projects the rebuild's last events and switches, with the writers held. */
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

    private List<Rebuild> running() {
        return jdbc.query("select processing_group, started_at, position, head, failure, rebuilding from read_model_state"
                + " where rebuilding = true", ReadModelState::rebuild);
    }

    private static Rebuild rebuild(ResultSet rs, int row) throws SQLException {
        return new Rebuild(rs.getString("processing_group"), Times.instant(rs, "started_at"), rs.getLong("position"),
                rs.getLong("head"), rs.getString("failure"), rs.getBoolean("rebuilding"));
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
