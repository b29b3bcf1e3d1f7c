package org.expoflow.workflow.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/** Leaders opening their briefs at once: the node writes one, then the next, never two at a time. */
class BriefsOneAtATimeTest {

    private final BriefsOneAtATime briefs = new BriefsOneAtATime();

    @Test
    void aSecondLeadersBriefIsWrittenOnceTheFirstIsDone() throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> briefs.write(() -> {
            firstStarted.countDown();
            await(firstWritten);
            return "第1期";
        }));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> briefs.write(() -> "第2期"));
        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).as("the second waits while the first is written")
                .isInstanceOf(TimeoutException.class);

        firstWritten.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("第1期");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("第2期");
    }

    @Test
    void aBriefThatFailsLetsTheNextBeWritten() {
        assertThatThrownBy(() -> briefs.write(() -> {
            throw new IllegalStateException("the meeting's board cannot be read");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(briefs.write(() -> "第3期")).isEqualTo("第3期");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
