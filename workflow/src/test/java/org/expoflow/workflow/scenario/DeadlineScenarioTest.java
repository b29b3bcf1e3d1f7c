package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A directive due in seconds, so that its deadline runs out while the test watches: Tieling's step becomes
 * due soon, then overdue; the expo office chases Tieling up, Tieling acknowledges; still open after the
 * grace period (five seconds here), the step is escalated to leadership. The job executor runs the timers.
 */
@ExpoFlowTest
class DeadlineScenarioTest {

    @LocalServerPort
    int port;

    @Test
    void aLateStepIsChasedUpAcknowledgedAndEscalated() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        ExpoFlowClient tieling = ExpoFlowClient.as("http://localhost:" + port, "tieling");
        ExpoFlowClient leader = ExpoFlowClient.as("http://localhost:" + port, "leader");
        String expoId = OsakaFixture.osakaWith(coordinator, "tieling");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite buyers by tonight", "dueAt", Instant.now().plusSeconds(6).toString(),
                "unitIds", List.of("tieling"))).field("id");
        String step = OsakaFixture.firstActiveTask(tieling, directiveId);

        await().atMost(Duration.ofSeconds(20)).until(() -> historyTypes(tieling, step).contains("TaskDueSoon"));
        assertThat(tieling.get("/api/tasks/{t}", step).body().path("dueSoon").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> historyTypes(tieling, step).contains("TaskOverdue"));
        JsonNode cell = leader.get("/api/expos/{e}/board", expoId).body().at("/units/0/cells/0");
        assertThat(cell.path("overdue").asBoolean()).isTrue();
        assertThat(cell.path("status").asText()).as("a chase-up is no review").isEqualTo("NOT_STARTED");
        assertThat(cell.path("light").asText()).isEqualTo("RED");

        JsonNode chaseUp = onlyTask(coordinator.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body(),
                "chaseUpUnit");
        assertThat(chaseUp.path("supervisedTaskId").asText()).isEqualTo(step);
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("values", map("message",
                "Tieling: send the invitations today and report the number")), chaseUp.path("id").asText()).status().value())
                .isEqualTo(204);

        JsonNode acknowledgement = onlyTask(tieling.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body(),
                "acknowledgeChaseUp");
        assertThat(tieling.post("/api/tasks/{t}/complete", map("values", map("reply", "going out this afternoon")),
                acknowledgement.path("id").asText()).status().value()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> historyTypes(tieling, step).contains("TaskEscalated"));
        JsonNode task = tieling.get("/api/tasks/{t}", step).body();
        assertThat(historyTypes(tieling, step)).containsSubsequence("TaskAssigned", "TaskDueSoon", "TaskOverdue",
                "TaskChasedUp", "ChaseUpAcknowledged", "TaskEscalated");
        assertThat(task.path("history").findValuesAsText("message"))
                .contains("Tieling: send the invitations today and report the number");
        assertThat(task.path("history").findValuesAsText("reply")).contains("going out this afternoon");
        assertThat(task.path("chaseUpAcknowledgedAt").isNull()).isFalse();
        JsonNode escalatedCell = leader.get("/api/expos/{e}/board", expoId).body().at("/units/0/cells/0");
        assertThat(escalatedCell.path("escalated").asBoolean()).isTrue();
        assertThat(escalatedCell.path("overdue").asBoolean()).isTrue();
        JsonNode statistics = leader.get("/api/expos/{e}/statistics", expoId).body().at("/units/0");
        assertThat(statistics.path("unitId").asText()).isEqualTo("tieling");
        assertThat(statistics.path("overdue").asInt()).isEqualTo(1);
        assertThat(statistics.path("chaseUps").asInt()).isEqualTo(1);
        assertThat(statistics.path("chaseUpsAcknowledged").asInt()).isEqualTo(1);
        assertThat(statistics.path("averageHoursToAcknowledge").isNumber()).isTrue();
        assertThat(leader.get("/api/expos/{e}/overdue", expoId).body().path("items").findValuesAsText("taskId"))
                .containsExactly(step);
    }

    private static List<String> historyTypes(ExpoFlowClient client, String taskId) {
        return client.get("/api/tasks/{t}", taskId).body().path("history").findValuesAsText("type");
    }

    private static JsonNode onlyTask(JsonNode page, String stepKey) {
        List<JsonNode> found = StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(item -> item.path("stepKey").asText().equals(stepKey)).toList();
        assertThat(found).as("one %s task in %s", stepKey, page).hasSize(1);
        return found.get(0);
    }
}
