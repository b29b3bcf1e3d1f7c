package org.expoflow.workflow.meetings;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * A node writes one meeting brief at a time; the next leader's waits its turn, in the order asked: a brief holds the
 * whole board as of its meeting in memory, and several written at once ran the node's heap out, failing every page
 * being served with it (docs/adr/0042-briefs-written-one-at-a-time.md).
 */
@Component
class BriefsOneAtATime {

    private final ReentrantLock writing = new ReentrantLock(true);

    <T> T write(Supplier<T> brief) {
        writing.lock();
        try {
            return brief.get();
        } finally {
            writing.unlock();
        }
    }
}
