package org.expoflow.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A step's deadline, unit or assignee changes one way only, with its event: the engine's REST API refuses
 * such a change with a problem that says which ExpoFlow endpoint does it, and the step stays as it was.
 */
@ExpoFlowTest
class EngineRestChangesRefusedTest {

    @LocalServerPort
    int port;

    @Test
    void aDueDateChangedThroughTheEnginesApiIsRefusedSayingWhereToChangeItAndTheStepIsUnchanged() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "huludao"), "huludao");
        String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "huludao"), directiveId);
        String dueAt = coordinator.get("/api/tasks/{t}", taskId).field("dueAt");

        Answer changed = coordinator.put("/engine-rest/task/{t}", map("name", "Draft", "due", "2030-03-01T00:00:00.000+0000"), taskId);
        Answer handedOver = coordinator.post("/engine-rest/task/{t}/identity-links", map("groupId", "dalian", "type", "candidate"), taskId);

        for (Answer refused : java.util.List.of(changed, handedOver)) {
            assertThat(refused.status().value()).isEqualTo(403);
            assertThat(refused.body().path("status").asInt()).isEqualTo(403);
            assertThat(refused.field("detail")).contains("/api/tasks/{id}/extend").contains("/api/tasks/{id}/reassign");
        }
        assertThat(coordinator.get("/api/tasks/{t}", taskId).field("dueAt")).isEqualTo(dueAt);
        assertThat(coordinator.get("/api/tasks/{t}", taskId).field("candidateGroup")).isEqualTo("huludao");
    }
}
