package org.expoflow.workflow.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A kind deployed with a model whose process cannot start (a step's group names a variable no directive sets):
 * issuing it, by the API or in a meeting's decision, is refused naming the kind and the engine's reason, and
 * nothing is issued, not the directive and not one unit's process.
 */
@ExpoFlowTest
class ProcessThatCannotStartTest {

    @LocalServerPort
    int port;

    @Test
    void aDirectiveOfAKindWhoseProcessCannotStartIsRefusedNamingTheKindAndNothingIsIssued() throws Exception {
        String bpmn = KindUploads.trialKind("misspelt-group-trial").replace("camunda:candidateGroups=\"${unitId}\"",
                "camunda:candidateGroups=\"${unitIdMisspelt}\"");
        assertThat(KindUploads.upload(port, "misspelt-group-trial", bpmn, Map.of()).path("status").asInt()).isEqualTo(201);
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "benxi", "fushun");

        ExpoFlowClient.Answer refused = coordinator.post("/api/directives", ExpoFlowClient.map("expoId", expoId,
                "kind", "misspelt-group-trial", "title", "Theme day", "dueOn", "2030-02-01", "unitIds", List.of("benxi", "fushun")));
        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.field("field")).isEqualTo("kind");
        assertThat(refused.field("detail")).contains("misspelt-group-trial").contains("unitIdMisspelt");
        assertThat(coordinator.get("/api/tasks?expoId={e}", expoId).body().path("total").asInt()).isZero();
        assertThat(coordinator.get("/api/expos/{e}/board", expoId).body().path("directives").size()).isZero();

        // the same directive decided at a coordination meeting: refused at its place in the decision
        String meeting = ExpoFlowClient.as("http://localhost:" + port, "leader").post("/api/meetings", ExpoFlowClient.map(
                "expoId", expoId, "title", "Benxi and Fushun", "heldAt", Instant.now().toString())).field("id");
        ExpoFlowClient.Answer decided = coordinator.post("/api/meetings/{m}/decisions", ExpoFlowClient.map(
                "text", "A theme day in each city", "directives", List.of(ExpoFlowClient.map("expoId", expoId,
                        "kind", "misspelt-group-trial", "title", "Theme day", "dueOn", "2030-02-01", "unitIds", List.of("benxi")))),
                meeting);
        assertThat(decided.status().value()).isEqualTo(400);
        assertThat(decided.field("field")).isEqualTo("directives[0].kind");
        assertThat(coordinator.get("/api/tasks?expoId={e}", expoId).body().path("total").asInt()).isZero();
    }
}
