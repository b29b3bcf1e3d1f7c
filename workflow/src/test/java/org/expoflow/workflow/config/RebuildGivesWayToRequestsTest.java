package org.expoflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.expoflow.workflow.http.RequestsInFlight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A rebuild's next batch waits for the page being served, but never longer than its share of the last batch. */
class RebuildGivesWayToRequestsTest {

    private final RequestsInFlight requests = new RequestsInFlight();
    private final CountDownLatch pageAnswered = new CountDownLatch(1);
    private final CountDownLatch pageAsked = new CountDownLatch(1);

    @AfterEach
    void answerThePage() {
        pageAnswered.countDown();
    }

    @Test
    void theNextBatchStartsWhenThePageBeingServedIsAnswered() throws Exception {
        RebuildGivesWayToRequests pace = new RebuildGivesWayToRequests(requests, 1);
        CompletableFuture<Void> page = aPageBeingServed();

        CompletableFuture<Void> nextBatch = CompletableFuture.runAsync(() -> afterBatch(pace, Duration.ofMinutes(5)));
        assertThatThrownBy(() -> nextBatch.get(300, TimeUnit.MILLISECONDS)).as("the batch waits while a page is served")
                .isInstanceOf(TimeoutException.class);

        pageAnswered.countDown();
        page.get(5, TimeUnit.SECONDS);
        nextBatch.get(5, TimeUnit.SECONDS);
        assertThat(requests.served()).isZero();
    }

    @Test
    void aNodeNeverIdleHoldsTheBatchBackOnlyAsLongAsTheLastOneTook() throws Exception {
        RebuildGivesWayToRequests pace = new RebuildGivesWayToRequests(requests, 1);
        aPageBeingServed();

        CompletableFuture.runAsync(() -> afterBatch(pace, Duration.ofMillis(50))).get(5, TimeUnit.SECONDS);
        assertThat(requests.served()).as("the page is still being served").isEqualTo(1);
    }

    @Test
    void aRebuildToldNeverToGiveWayGoesOnAtOnce() throws Exception {
        RebuildGivesWayToRequests pace = new RebuildGivesWayToRequests(requests, 0);
        aPageBeingServed();

        CompletableFuture.runAsync(() -> afterBatch(pace, Duration.ofMinutes(5))).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aNegativeShareIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new RebuildGivesWayToRequests(requests, -1))
                .hasMessageContaining("expoflow.read-models.give-way");
    }

    private CompletableFuture<Void> aPageBeingServed() throws InterruptedException {
        CompletableFuture<Void> page = CompletableFuture.runAsync(() -> {
            try {
                requests.doFilter(new MockHttpServletRequest("GET", "/board"), new MockHttpServletResponse(), (request, response) -> {
                    pageAsked.countDown();
                    await(pageAnswered);
                });
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        assertThat(pageAsked.await(5, TimeUnit.SECONDS)).isTrue();
        return page;
    }

    private static void afterBatch(RebuildGivesWayToRequests pace, Duration batch) {
        try {
            pace.afterBatch(batch);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
