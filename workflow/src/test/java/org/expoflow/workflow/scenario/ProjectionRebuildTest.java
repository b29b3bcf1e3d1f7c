package org.expoflow.workflow.scenario;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The read models are rebuilt from the event store alone and answer exactly as before. */
@ExpoFlowTest
class ProjectionRebuildTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void rebuildingTheReadModelsGivesTheSameBoardFiguresAndTasks() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang", "dalian");
        ExpoFlowClient shenyang = as("shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        shenyang.post("/api/tasks/{t}/progress", map("percent", 40, "problems", "visa delays", "figures", map("buyersInvited", 17)), task);
        shenyang.post("/api/tasks/{t}/complete", map(), task);

        JsonNode boardBefore = withoutAsOf(as("leader").get("/api/expos/{e}/board", expoId).body());
        JsonNode figuresBefore = withoutAsOf(as("leader").get("/api/expos/{e}/figures", expoId).body());
        JsonNode tasksBefore = coordinator.get("/api/tasks?expoId={e}", expoId).body();
        JsonNode taskBefore = coordinator.get("/api/tasks/{t}", task).body();

        ExpoFlowClient.Answer rebuilt = as("admin").post("/api/admin/projections/read-models/rebuild?wait=true");
        assertThat(rebuilt.status().value()).isEqualTo(200);
        assertThat(as("coordinator").post("/api/admin/projections/read-models/rebuild").status().value()).isEqualTo(403);
        assertThat(as("auditor").get("/api/audit?actor=admin&action=READ_MODEL_REBUILT").body().findValuesAsText("what"))
                .as("the rebuild in the security audit log").anyMatch(what -> what.contains("/api/admin/projections/read-models/rebuild"));

        assertThat(withoutAsOf(as("leader").get("/api/expos/{e}/board", expoId).body())).isEqualTo(boardBefore);
        assertThat(withoutAsOf(as("leader").get("/api/expos/{e}/figures", expoId).body())).isEqualTo(figuresBefore);
        assertThat(coordinator.get("/api/tasks?expoId={e}", expoId).body()).isEqualTo(tasksBefore);
        assertThat(coordinator.get("/api/tasks/{t}", task).body()).isEqualTo(taskBefore);
        assertThat(figuresBefore.at("/total/buyersInvited/value").asInt()).isEqualTo(17);
        assertThat(coordinator.get("/api/tasks?directiveId={d}", directiveId).body().path("total").asInt())
                .as("no process was started again by the replay").isEqualTo(3);
    }

    /** Asked for now, a view says when now was: the one field that differs between two readings. */
    private static JsonNode withoutAsOf(JsonNode view) {
        ((ObjectNode) view).remove("asOf");
        return view;
    }
}
