package org.expoflow.workflow.meetings;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * A node writes one meeting brief at a time; the next leader's waits its turn, in the order asked. A brief is the
 * whole board as of its meeting, read and judged from the step versions (at a province's scale about 140,000 rows in
 * memory, then the text and the PDF): ten leaders opening theirs at once before a meeting filled a 512 MB heap and
 * failed with it every page being served (docs/adr/0042-briefs-written-one-at-a-time.md).
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
