package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The read models are rebuilt from the event store alone and answer exactly as before. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProjectionRebuildTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void rebuildingTheReadModelsGivesTheSameBoardFiguresAndTasks() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = coordinator.post("/api/expos", map("name", "Osaka", "venue", "Osaka", "opensOn", "2030-03-01",
                "closesOn", "2030-03-04")).field("id");
        for (String unit : List.of("shenyang", "dalian")) {
            coordinator.post("/api/expos/{e}/units", map("unitId", unit, "kind", "CITY"), expoId);
        }
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite", "dueOn", "2030-02-01", "unitIds", List.of("shenyang", "dalian"),
                "targets", map("buyersInvited", 50))).field("id");
        ExpoFlowClient shenyang = as("shenyang");
        String task = shenyang.get("/api/tasks?directiveId={d}", directiveId).body().path("items").get(0).path("id").asText();
        shenyang.post("/api/tasks/{t}/progress", map("percent", 40, "problems", "visa delays", "figures", map("buyersInvited", 17)), task);
        shenyang.post("/api/tasks/{t}/complete", map(), task);

        JsonNode boardBefore = withoutAsOf(as("leader").get("/api/expos/{e}/board", expoId).body());
        JsonNode figuresBefore = as("leader").get("/api/expos/{e}/figures", expoId).body();
        JsonNode tasksBefore = coordinator.get("/api/tasks?expoId={e}", expoId).body();
        JsonNode taskBefore = coordinator.get("/api/tasks/{t}", task).body();

        ExpoFlowClient.Answer rebuilt = as("admin").post("/api/admin/projections/read-models/rebuild?wait=true");
        assertThat(rebuilt.status().value()).isEqualTo(200);
        assertThat(as("coordinator").post("/api/admin/projections/read-models/rebuild").status().value()).isEqualTo(403);

        assertThat(withoutAsOf(as("leader").get("/api/expos/{e}/board", expoId).body())).isEqualTo(boardBefore);
        assertThat(as("leader").get("/api/expos/{e}/figures", expoId).body()).isEqualTo(figuresBefore);
        assertThat(coordinator.get("/api/tasks?expoId={e}", expoId).body()).isEqualTo(tasksBefore);
        assertThat(coordinator.get("/api/tasks/{t}", task).body()).isEqualTo(taskBefore);
        assertThat(figuresBefore.at("/total/buyersInvited/value").asInt()).isEqualTo(17);
        assertThat(coordinator.get("/api/tasks?directiveId={d}", directiveId).body().path("total").asInt())
                .as("no process was started again by the replay").isEqualTo(3);
    }

    private static JsonNode withoutAsOf(JsonNode board) {
        ((ObjectNode) board).remove("asOf");
        return board;
    }
}
