package org.expoflow.projections.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuild's writer ({@link ReadModelWrites}): the writes of one rebuild, held back while a batch of stored
 * events is projected and written together when the batch ends. Statements are collected and run as JDBC
 * batches ({@link DeferredStatements}); rows that come by the hundred thousand (a task's every step, a unit's
 * every figure) are kept in their batched form ({@link ReadModelWrites.Rows#batched}), a {@link Buffer} here.
 * <p>
 * With a transaction template, a batch's writes go to the database on a writer thread of their own, in
 * their own transaction, while the next batch is read and projected: the rebuild's two halves, the
 * application's and the database's, then work at the same time instead of in turn. At most one batch waits
 * behind the one being written. Without one, they are written at once in the caller's transaction.
 */
public final class ReplayWrites implements ReadModelWrites, AutoCloseable {

    /** What one projection holds back during a batch of the rebuild. */
    public interface Buffer {

        /**
         * The end of a batch: what it left to write, prepared now (the buffer may read the database for it)
         * and run later; it may keep some back for later batches. Null when there is nothing to write.
         */
        Runnable flush();

        /** The end of the rebuild: everything still held back. */
        default Runnable finish() {
            return flush();
        }
    }

    private static final int BATCHES_IN_FLIGHT = 2;

    private final Map<Class<?>, Buffer> buffers = new LinkedHashMap<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Runnable eachTransaction;
    private final ExecutorService writer;
    private final Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /** Writes at the end of each batch, in the caller's transaction. */
    public ReplayWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transactions = null;
        this.eachTransaction = () -> { };
        this.writer = null;
    }

    /** Writes on a writer thread, each batch in a transaction of its own that first runs {@code eachTransaction}. */
    public ReplayWrites(JdbcTemplate jdbc, TransactionTemplate transactions, Runnable eachTransaction) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eachTransaction = eachTransaction;
        this.writer = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, "read-model-rebuild-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Collected with the batch, and run with the same statements next to it as one JDBC batch at its end. */
    @Override
    public void update(String sql, Object... args) {
        buffer(DeferredStatements.class, writes -> new DeferredStatements(jdbc)).add(sql, args);
    }

    @Override
    public <R> R rows(Rows<R> kind) {
        return kind.batched(this);
    }

    /** The database the batches go to. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The projection's buffer for this rebuild, created the first time it is asked for. */
    public <B extends Buffer> B buffer(Class<B> type, Function<ReplayWrites, B> create) {
        return type.cast(buffers.computeIfAbsent(type, t -> create.apply(this)));
    }

    /** The end of a batch: every buffer's writes, in the order the buffers were first asked for. */
    public void flush() {
        write(buffers.values().stream().map(Buffer::flush).toList());
    }

    /** The end of the rebuild: all that every buffer still holds back, written before this returns. */
    public void finish() {
        write(buffers.values().stream().map(Buffer::finish).toList());
        awaitWritten();
    }

    /** Waits until every batch handed over is written: a buffer about to read back what it wrote asks first. */
    public void awaitWritten() {
        if (writer != null) {
            inFlight.acquireUninterruptibly(BATCHES_IN_FLIGHT);
            inFlight.release(BATCHES_IN_FLIGHT);
        }
        rethrow();
    }

    private void write(List<Runnable> jobs) {
        List<Runnable> work = new ArrayList<>(jobs.stream().filter(java.util.Objects::nonNull).toList());
        if (work.isEmpty()) {
            return;
        }
        if (writer == null) {
            work.forEach(Runnable::run);
            return;
        }
        rethrow();
        inFlight.acquireUninterruptibly();
        writer.execute(() -> {
            try {
                if (failure.get() == null) {
                    transactions.executeWithoutResult(status -> {
                        eachTransaction.run();
                        work.forEach(Runnable::run);
                    });
                }
            } catch (RuntimeException failed) {
                failure.compareAndSet(null, failed);
            } finally {
                inFlight.release();
            }
        });
    }

    private void rethrow() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("writing a batch of the rebuild failed", failed);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.shutdownNow();
        }
    }
}
