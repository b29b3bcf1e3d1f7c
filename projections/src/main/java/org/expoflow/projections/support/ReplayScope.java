package org.expoflow.projections.support;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Whether the events a projection handles come from a rebuild, and if so, where it holds back its writes.
 * A rebuild replays on one thread of its own while live writers leave the group alone, so the scope is that
 * thread's.
 */
@Component
public class ReplayScope {

    private final ThreadLocal<ReplayWrites> replaying = new ThreadLocal<>();

    /** The writes of the rebuild this thread is replaying, or empty when events come live. */
    public Optional<ReplayWrites> current() {
        return Optional.ofNullable(replaying.get());
    }

    /** Projects a batch of a rebuild: handlers run with {@code writes} in scope, which is flushed at the end. */
    public void replay(ReplayWrites writes, Runnable batch) {
        ReplayWrites outer = replaying.get();
        replaying.set(writes);
        try {
            batch.run();
            writes.flush();
        } finally {
            if (outer == null) {
                replaying.remove();
            } else {
                replaying.set(outer);
            }
        }
    }
}
