package org.expoflow.workflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one PostgreSQL: clerks write on one node and read on the other at
 * once, concurrently. Every read made right after an acknowledged write shows that write, whichever
 * node processes the read models: the writer's node waited until the projections had processed its
 * events, exactly (a gap in a token is not taken for processed), and heard of their progress through
 * the database rather than by polling.
 */
@Tag("postgres")
class TwoNodesReadYourWritesIT {

    private static final String DATABASE = "expoflow_two_nodes";
    private static final List<String> CITIES = List.of("shenyang", "dalian", "anshan", "fushun");
    private static final int WRITES_PER_CLERK = 25;

    private ApplicationNodes nodes;

    @AfterEach
    void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aWriteAcknowledgedOnOneNodeIsSeenByTheNextReadOnTheOther() throws Exception {
        nodes = new ApplicationNodes(DATABASE);
        nodes.start();
        nodes.start();
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(0), "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator,
                OsakaFixture.osakaWith(coordinator, CITIES.toArray(String[]::new)), CITIES.toArray(String[]::new));

        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        ExecutorService clerks = Executors.newFixedThreadPool(CITIES.size());
        List<Future<?>> work = new ArrayList<>();
        for (String city : CITIES) {
            work.add(clerks.submit(() -> {
                String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as(base(0), city), directiveId);
                for (int write = 1; write <= WRITES_PER_CLERK; write++) {
                    ExpoFlowClient writer = ExpoFlowClient.as(base(write % 2), city);
                    ExpoFlowClient reader = ExpoFlowClient.as(base((write + 1) % 2), city);
                    assertThat(writer.post("/api/tasks/{t}/progress", map("percent", write, "note", "report " + write), taskId)
                            .status().value()).isEqualTo(204);
                    int seen = reader.get("/api/tasks/{t}", taskId).body().path("percent").asInt();
                    if (seen != write) {
                        stale.add(city + " wrote " + write + "% on node " + (write % 2) + ", the other node read " + seen + "%");
                    }
                }
                ExpoFlowClient writer = ExpoFlowClient.as(base(1), city);
                assertThat(writer.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Osaka buyers")), taskId)
                        .status().value()).isEqualTo(204);
                String status = ExpoFlowClient.as(base(0), city).get("/api/tasks/{t}", taskId).body().path("status").asText();
                if (!status.equals("COMPLETED")) {
                    stale.add(city + " completed on node 1, node 0 read " + status);
                }
                return null;
            }));
        }
        for (Future<?> clerk : work) {
            clerk.get(5, TimeUnit.MINUTES);
        }
        clerks.shutdown();
        assertThat(stale).as("reads right after an acknowledged write on the other node").isEmpty();
    }

    private String base(int node) {
        return nodes.base(node);
    }
}
