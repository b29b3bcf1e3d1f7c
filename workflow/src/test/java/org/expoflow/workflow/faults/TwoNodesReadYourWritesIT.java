package org.expoflow.workflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two application instances on one PostgreSQL: clerks write on one node and read on the other at
 * once, concurrently. Every read made right after an acknowledged write shows that write: the read models
 * are projected in the writers' transactions, so nothing is waited for. Meanwhile a deadline timer falls due: the two nodes' job executors
 * share the engine's jobs, and each step is told it is due soon once.
 */
@Tag("postgres")
class TwoNodesReadYourWritesIT {

    private static final String DATABASE = "expoflow_two_nodes";
    private static final List<String> CITIES = List.of("shenyang", "dalian", "anshan", "fushun");
    private static final int WRITES_PER_CLERK = 25;

    private static final ObjectMapper JSON = new ObjectMapper();

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
        String jsonLogs = "--logging.structured.format.console=ecs";
        nodes.start(jsonLogs);
        nodes.start(jsonLogs);
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(0), "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, CITIES.toArray(String[]::new));
        // due soon three days before the deadline (the configured lead): the timer falls due during the load
        String dueSoonDuringTheLoad = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite soon", "dueAt", Instant.now().plus(Duration.ofDays(3)).plusSeconds(20).toString(),
                "unitIds", CITIES, "targets", map("buyersInvited", 50))).field("id");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, CITIES.toArray(String[]::new));

        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        Map<String, String> tasks = new ConcurrentHashMap<>();
        ExecutorService clerks = Executors.newFixedThreadPool(CITIES.size());
        List<Future<?>> work = new ArrayList<>();
        for (String city : CITIES) {
            work.add(clerks.submit(() -> {
                String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as(base(0), city), directiveId);
                tasks.put(city, taskId);
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

        String correlationId = "report-after-completion-subscribing";
        String completed = tasks.get("shenyang");
        ExpoFlowClient.Answer refused = ExpoFlowClient.as(base(1), "shenyang").withHeader("X-Correlation-Id", correlationId)
                .post("/api/tasks/{t}/progress", map("percent", 99), completed);
        assertThat(refused.status().value()).as(refused.toString()).isEqualTo(409);
        List<JsonNode> refusalLines = new ArrayList<>();
        for (String line : nodes.log(1)) {
            if (line.startsWith("{")) {
                JsonNode entry = JSON.readTree(line);
                if (correlationId.equals(entry.path("correlationId").asText())) {
                    refusalLines.add(entry);
                }
            }
        }
        assertThat(refusalLines).as("the refusal logged as JSON with the request's correlation id")
                .anySatisfy(entry -> assertThat(entry.path("message").asText()).contains("ReportProgress refused"));

        for (String city : CITIES) {
            ExpoFlowClient clerk = ExpoFlowClient.as(base(0), city);
            String taskId = OsakaFixture.firstActiveTask(clerk, dueSoonDuringTheLoad);
            await(city + " told its step is due soon").atMost(Duration.ofSeconds(90))
                    .until(() -> dueSoonEntries(clerk, taskId) > 0);
        }
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             Statement sql = db.createStatement();
             ResultSet due = sql.executeQuery("select count(*) from act_ru_job where duedate_ < now()")) {
            due.next();
            assertThat(due.getInt(1)).as("no job left overdue on the engine").isZero();
        }
        for (String city : CITIES) {
            ExpoFlowClient clerk = ExpoFlowClient.as(base(1), city);
            assertThat(dueSoonEntries(clerk, OsakaFixture.firstActiveTask(clerk, dueSoonDuringTheLoad)))
                    .as(city + ": due soon once, though two job executors share the timer").isEqualTo(1);
        }
    }

    private static long dueSoonEntries(ExpoFlowClient clerk, String taskId) {
        JsonNode history = clerk.get("/api/tasks/{t}", taskId).body().path("history");
        return StreamSupport.stream(history.spliterator(), false)
                .filter(entry -> entry.path("type").asText().equals("TaskDueSoon")).count();
    }

    private String base(int node) {
        return nodes.base(node);
    }
}
