package org.expoflow.workflow.api;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two clerks press "complete" on one task at the same moment: exactly one wins, the other gets 409. */
@ExpoFlowTest
class ConflictTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @RepeatedTest(3)
    void twoCompletionsOfOneTaskAtOnceGiveOneWinnerAndOneConflict() throws Exception {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai")), taskId)
                        .status().value();
            }));
        }
        List<Integer> statuses = clicks.stream().map(CompletableFuture::join).sorted().toList();

        assertThat(statuses).containsExactly(204, 409);
        assertThat(new EventStoreProbe(jdbc).eventTypes(taskId)).containsExactly("TaskAssigned", "TaskCompleted");
        assertThat(shenyang.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("total").asInt())
                .as("the process moved on exactly once").isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void progressReportsSentAtOnceAreAllKept() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);
        int reports = 8;

        CyclicBarrier together = new CyclicBarrier(reports);
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            int percent = 10 + i;
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return shenyang.post("/api/tasks/{t}/progress", map("percent", percent), taskId).status().value();
            }, java.util.concurrent.Executors.newCachedThreadPool()));
        }

        assertThat(sent.stream().map(CompletableFuture::join).toList()).containsOnly(204);
        assertThat(new EventStoreProbe(jdbc).eventTypes(taskId).stream().filter("ProgressReported"::equals).count())
                .isEqualTo(reports);
    }
}
