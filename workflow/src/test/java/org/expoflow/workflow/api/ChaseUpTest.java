package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The office chases up the overdue steps it picks from its list, in one request or one at a time: each unit is
 * told with the office's message and has a chase-up to acknowledge; a step that is not overdue is refused on its
 * own, in words, and the others are still chased up. A chase-up without a message is refused naming it, and
 * nothing is written.
 */
@ExpoFlowTest
class ChaseUpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void theOfficeChasesUpTheOverdueStepsItPicksAndAStepNotOverdueIsRefusedOnItsOwn() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "benxi", "dandong", "yingkou");
        String lateDirective = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite buyers by tonight", "dueAt", Instant.now().plusSeconds(3).toString(),
                "unitIds", List.of("benxi", "dandong"))).field("id");
        String onTimeDirective = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "yingkou");
        String benxiStep = OsakaFixture.firstActiveTask(as("benxi"), lateDirective);
        String dandongStep = OsakaFixture.firstActiveTask(as("dandong"), lateDirective);
        String yingkouStep = OsakaFixture.firstActiveTask(as("yingkou"), onTimeDirective);
        // the deadline's timer hands each late step to its supervision, which waits for the office's chase-up
        await().atMost(Duration.ofSeconds(30)).until(() -> stepKeys(as("coordinator")
                .get("/api/tasks?directiveId={d}&status=ACTIVE", lateDirective).body()).stream()
                .filter("chaseUpUnit"::equals).count() == 2);

        JsonNode answer = as("coordinator").withHeader("Accept-Language", "zh-CN").post("/api/tasks/bulk", map("action", "CHASE_UP",
                "taskIds", List.of(benxiStep, yingkouStep, dandongStep), "message", "今天下班前发出邀请并报送人数")).body();

        assertThat(answer.path("done").asInt()).isEqualTo(2);
        assertThat(answer.path("refused").asInt()).isEqualTo(1);
        JsonNode yingkou = answer.path("outcomes").get(1);
        assertThat(yingkou.path("taskId").asText()).isEqualTo(yingkouStep);
        assertThat(yingkou.path("refusal").asText()).isEqualTo("CONFLICT");
        assertThat(yingkou.path("detail").asText()).contains("逾期");
        for (String unit : List.of("benxi", "dandong")) {
            JsonNode active = as(unit).get("/api/tasks?directiveId={d}&status=ACTIVE", lateDirective).body();
            assertThat(stepKeys(active)).as(unit + " has the chase-up to acknowledge").contains("acknowledgeChaseUp");
            assertThat(as(unit).get("/api/inbox").body().findValuesAsText("text"))
                    .anyMatch(text -> text.contains("督办") && text.contains("今天下班前发出邀请并报送人数"));
        }
        assertThat(as("coordinator").get("/api/expos/{e}/overdue", expoId).body().path("items").findValuesAsText("chasedUp"))
                .containsOnly("true");

        assertThat(as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "再催一次"), benxiStep).status().value())
                .as("chased up already, nothing waits").isEqualTo(409);
        // still open after the grace period, both are escalated: the test leaves no timer running behind it
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(benxiStep, dandongStep).stream().allMatch(step ->
                as("coordinator").get("/api/tasks/{t}", step).body().path("escalatedAt").isTextual()));
    }

    @Test
    void aChaseUpWithoutAMessageIsRefusedNamingItAndNothingIsWritten() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "chaoyang");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "chaoyang");
        String step = OsakaFixture.firstActiveTask(as("chaoyang"), directiveId);
        EventStoreProbe events = new EventStoreProbe(jdbc);
        List<String> before = events.eventTypes(step);

        ExpoFlowClient.Answer bulk = as("coordinator").post("/api/tasks/bulk", map("action", "CHASE_UP", "taskIds", List.of(step)));
        ExpoFlowClient.Answer one = as("coordinator").post("/api/tasks/{t}/chase-up", map("message", " "), step);
        ExpoFlowClient.Answer byACity = as("chaoyang").post("/api/tasks/{t}/chase-up", map("message", "催"), step);

        assertThat(bulk.status().value()).isEqualTo(400);
        assertThat(bulk.field("field")).isEqualTo("message");
        assertThat(one.field("field")).isEqualTo("message");
        assertThat(byACity.status().value()).isEqualTo(403);
        assertThat(events.eventTypes(step)).isEqualTo(before);
    }

    private static List<String> stepKeys(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(item -> item.path("stepKey").asText()).toList();
    }
}
