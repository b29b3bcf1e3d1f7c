package org.expoflow.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.expoflow.workflow.PostgresTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two clerks of one city complete the same step at the same moment (a province's morning has twenty to a city).
 * One is done; the other is told, in the reader's words, that someone completed it just now (409), never "系统出错"
 * (500). On PostgreSQL the loser's events meet the winner's on the event store's key inside the engine's
 * transaction, which the failed insert aborts: the engine then hides Axon's conflict behind a persistence failure.
 */
@PostgresTest
class TwoClerksCompleteOneStepOnPostgresTest {

    private static final int STEPS = 12;
    private static final String CHANGED_MEANWHILE = "这一步刚刚被他人改动，请刷新后再试。";

    @LocalServerPort
    int port;

    private ExpoFlowClient coordinator;
    private ExpoFlowClient shenyang;
    private String expoId;

    /** Osaka with 沈阳市 alone, its coordinator and its clerk. */
    @BeforeEach
    void osakaWithShenyang() {
        String base = "http://localhost:" + port;
        coordinator = ExpoFlowClient.as(base, "coordinator");
        expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        shenyang = ExpoFlowClient.as(base, "shenyang");
    }

    @Test
    void oneIsDoneAndTheOtherIsToldItWasCompletedMeanwhile() throws Exception {
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        try {
            for (int step = 0; step < STEPS; step++) {
                String taskId = OsakaFixture.firstActiveTask(shenyang, OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang"));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<ExpoFlowClient.Answer>> answers = new ArrayList<>();
                for (int clerk = 0; clerk < 2; clerk++) {
                    // every other step, one clerk's client sends an Idempotency-Key: its completion runs in the key's transaction
                    ExpoFlowClient client = clerk == 1 && step % 2 == 0
                            ? shenyang.withHeader("Idempotency-Key", java.util.UUID.randomUUID().toString()) : shenyang;
                    answers.add(clerks.submit(() -> {
                        together.await();
                        return client.post("/api/tasks/{t}/complete", map("values", map("invitationList", "大阪商工会议所")), taskId);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<ExpoFlowClient.Answer> answer : answers) {
                    ExpoFlowClient.Answer answered = answer.get();
                    statuses.add(answered.status().value());
                    if (answered.status().value() == 409) {
                        assertThat(answered.body().path("detail").asText()).isIn("这一步刚刚已由他人提交完成。",
                                "这一步已是“已完成”，不能再办理。", CHANGED_MEANWHILE);
                    }
                }
                assertThat(statuses).as("step %d: one done, the other refused as a conflict", step).containsExactlyInAnyOrder(204, 409);
            }
        } finally {
            clerks.shutdownNow();
        }
        assertThat(shenyang.get("/api/tasks?expoId={e}&status=COMPLETED&size=100", expoId).body().path("total").asInt())
                .as("each step completed once").isEqualTo(STEPS);
    }

    @Test
    void aReviewApprovedAtOnceAloneAndInABulkActionIsApprovedOnceAndNeverFailsTheOffice() throws Exception {
        ExecutorService office = Executors.newFixedThreadPool(2);
        try {
            for (int review = 0; review < 6; review++) {
                String directive = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
                for (Object answers : List.of(map("values", map("invitationList", "名单")), map("figures", map("buyersInvited", 40)),
                        map("figures", map("buyersConfirmed", 30)))) {
                    assertThat(shenyang.post("/api/tasks/{t}/complete", answers, OsakaFixture.firstActiveTask(shenyang, directive))
                            .status().value()).isEqualTo(204);
                }
                String reviewId = OsakaFixture.firstActiveTask(coordinator, directive);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<ExpoFlowClient.Answer> alone = office.submit(() -> {
                    together.await();
                    return coordinator.post("/api/tasks/{t}/complete", map("decision", "APPROVE"), reviewId);
                });
                Future<ExpoFlowClient.Answer> inBulk = office.submit(() -> {
                    together.await();
                    return coordinator.post("/api/tasks/bulk", map("action", "APPROVE", "taskIds", List.of(reviewId)));
                });
                int aloneStatus = alone.get().status().value();
                ExpoFlowClient.Answer bulk = inBulk.get();
                assertThat(aloneStatus).as("review %d alone", review).isIn(204, 409);
                assertThat(bulk.status().value()).as("review %d in bulk: %s", review, bulk.body()).isEqualTo(200);
                assertThat(bulk.body().path("done").asInt() + (aloneStatus == 204 ? 1 : 0)).as("approved once").isEqualTo(1);
            }
        } finally {
            office.shutdownNow();
        }
    }
}
