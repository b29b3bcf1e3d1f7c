package org.expoflow.workflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two application processes on one PostgreSQL, clerks reporting progress through both, and one node
 * killed ({@code kill -9}) in the middle. A report the clerk saw acknowledged is on the survivor; none is
 * recorded twice, though a clerk whose node died sends it again to the survivor with the same
 * {@code Idempotency-Key}; the engine, the events and the task list agree afterwards; and the survivor's
 * read models are complete: projected in the writers' transactions, nothing waits for the dead node.
 */
@Tag("postgres")
class NodeDiesUnderLoadIT {

    private static final String DATABASE = "expoflow_node_dies";
    private static final List<String> CITIES = List.of("shenyang", "dalian", "anshan", "fushun");
    private static final int REPORTS_PER_CLERK = 30;
    private static final int KILL_AFTER_ACKNOWLEDGED = 40;

    private ApplicationNodes nodes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void everyAcknowledgedReportIsOnTheSurvivorOnceAndTheModelsAgree() throws Exception {
        nodes = new ApplicationNodes(DATABASE);
        nodes.start();
        nodes.start();
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(0), "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator,
                OsakaFixture.osakaWith(coordinator, CITIES.toArray(String[]::new)), CITIES.toArray(String[]::new));

        Map<String, Set<Integer>> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> tasks = new ConcurrentHashMap<>();
        AtomicInteger acknowledgedSoFar = new AtomicInteger();
        ExecutorService clerks = Executors.newFixedThreadPool(CITIES.size());
        List<Future<?>> work = new ArrayList<>();
        for (String city : CITIES) {
            work.add(clerks.submit(() -> {
                String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as(base(0), city), directiveId);
                tasks.put(city, taskId);
                Set<Integer> mine = ConcurrentHashMap.newKeySet();
                acknowledged.put(city, mine);
                for (int percent = 1; percent <= REPORTS_PER_CLERK; percent++) {
                    if (report(city, taskId, percent, percent % 2)) {
                        mine.add(percent);
                        acknowledgedSoFar.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        await("load under way").atMost(Duration.ofMinutes(2)).until(() -> acknowledgedSoFar.get() >= KILL_AFTER_ACKNOWLEDGED);
        boolean killed = nodes.kill(1);
        int atTheKill = acknowledgedSoFar.get();
        for (Future<?> clerk : work) {
            clerk.get(5, TimeUnit.MINUTES);
        }
        clerks.shutdown();
        assertThat(killed).isTrue();

        ExpoFlowClient survivor = ExpoFlowClient.as(base(0), "coordinator");
        for (String city : CITIES) {
            JsonNode task = survivor.get("/api/tasks/{t}", tasks.get(city)).body();
            List<Integer> reported = new ArrayList<>();
            task.path("history").forEach(entry -> {
                if (entry.path("type").asText().equals("ProgressReported")) {
                    reported.add(entry.path("details").path("percent").asInt());
                }
            });
            assertThat(reported).as(city + ": no report recorded twice").doesNotHaveDuplicates();
            assertThat(reported).as(city + ": every acknowledged report is on the survivor").containsAll(acknowledged.get(city));
        }
        assertThat(acknowledged.values().stream().mapToInt(Set::size).sum())
                .as("the clerks went on through the survivor").isGreaterThan(atTheKill + CITIES.size() * 5);

        ExpoFlowClient admin = ExpoFlowClient.as(base(0), "admin");
        await("engine, events and task list agree").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode consistency = admin.get("/api/admin/consistency").body();
            assertThat(consistency.path("differences")).as(String.valueOf(consistency)).isEmpty();
        });
        await("the survivor's read models complete").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                admin.get("/api/admin/projections").body().forEach(processor -> assertThat(processor.path("position").asLong())
                        .as("the survivor's read models are complete: " + processor).isEqualTo(processor.path("head").asLong())));
    }

    /**
     * One report, to the node asked for or, when it cannot be reached, to the survivor with the same key.
     * True when acknowledged; false when its fate is unknown (the first attempt may still be in progress).
     */
    private boolean report(String city, String taskId, int percent, int node) throws InterruptedException {
        String key = city + "-" + percent;
        for (int target : node == 0 ? List.of(0) : List.of(1, 0)) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base(target) + "/api/tasks/" + taskId + "/progress"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((city + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"percent\":" + percent + ",\"note\":\"report " + percent + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 204) {
                    return true;
                }
                assertThat(answer.statusCode()).as(answer.body()).isIn(409, 503);
                return false;
            } catch (IOException unreachable) {
                // the node died with the request: its fate is what the survivor says for the same key
            }
        }
        return false;
    }

    private String base(int node) {
        return nodes.base(node);
    }
}
