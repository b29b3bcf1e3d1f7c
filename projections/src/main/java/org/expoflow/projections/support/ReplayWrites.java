package org.expoflow.projections.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The writes of one rebuild, held back while a batch of stored events is projected and written together,
 * in JDBC batches, when the batch ends. A projection whose events come by the hundred thousand (a task's
 * every step, a unit's every figure) keeps its own {@link Buffer} here; the rest write at once, as they do
 * live. Buffers are written in the order they were first asked for, which is the order of the events that
 * first needed them.
 */
public final class ReplayWrites {

    /** What one projection holds back during a batch of the rebuild. */
    public interface Buffer {

        /** Writes what the batch left, in the batch's transaction; it may keep some back for later batches. */
        void flush();

        /** Writes everything still held back: the rebuild has replayed its last event. */
        default void finish() {
            flush();
        }
    }

    private final Map<Class<?>, Buffer> buffers = new LinkedHashMap<>();

    /** The projection's buffer for this rebuild, created the first time it is asked for. */
    public <B extends Buffer> B buffer(Class<B> type, Supplier<B> create) {
        return type.cast(buffers.computeIfAbsent(type, t -> create.get()));
    }

    /** Writes every buffer at the end of a batch. Buffers keep what they need across batches. */
    public void flush() {
        buffers.values().forEach(Buffer::flush);
    }

    /** Writes all that every buffer still holds back, at the end of the rebuild. */
    public void finish() {
        buffers.values().forEach(Buffer::finish);
    }
}
