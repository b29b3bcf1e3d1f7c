package org.expoflow.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decision sent through the engine's own API carries its step's form and nothing else: the office cannot
 * re-route a returned step to another unit or re-date it by adding variables to a completion, and no one
 * releases another unit's claim. Each refusal names what was refused, and nothing is written.
 */
@ExpoFlowTest
class DecisionsThroughTheEngineTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    /** Invite buyers issued to {@code city}, its three steps done: the office's review is open. */
    private String[] reviewAwaitingTheOffice(String city) {
        ExpoFlowClient coordinator = as("coordinator");
        ExpoFlowClient clerk = as(city);
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, city), city);
        for (Object body : List.of(map("values", map("invitationList", "Kansai buyers")), map("figures", map("buyersInvited", 60)),
                map("figures", map("buyersConfirmed", 30)))) {
            String step = OsakaFixture.firstActiveTask(clerk, directiveId);
            assertThat(clerk.post("/api/tasks/{t}/complete", body, step).status().value()).isEqualTo(204);
        }
        JsonNode review = coordinator.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items").get(0);
        assertThat(review.path("candidateGroup").asText()).isEqualTo("coordinator");
        return new String[] {directiveId, review.path("id").asText()};
    }

    private static Object variable(String value) {
        return map("value", value, "type", "String");
    }

    @Test
    void aReturnThroughTheEngineThatWouldMoveOrReDateTheStepIsRefusedNamingTheVariablesAndNothingIsWritten() {
        String[] review = reviewAwaitingTheOffice("panjin");
        ExpoFlowClient coordinator = as("coordinator");
        String processId = engine.getTaskService().createTaskQuery().taskId(review[1]).singleResult().getProcessInstanceId();
        long stepsBefore = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processId).count();
        for (String path : List.of("/engine-rest/task/{t}/complete", "/engine-rest/engine/default/task/{t}/submit-form")) {
            Answer refused = coordinator.post(path, map("variables", map("decision", variable("RETURN"),
                    "unitId", variable("dalian"), "dueAt", variable("9999-12-31T00:00:00Z"))), review[1]);
            assertThat(refused.status().value()).as(path).isEqualTo(400);
            assertThat(refused.field("field")).isEqualTo("variables.unitId");
            assertThat(refused.field("detail")).contains("unitId").contains("dueAt").contains("decision").contains("comment");
        }
        // nothing was written: the review is still open, no step went anywhere
        assertThat(coordinator.get("/api/tasks/{t}", review[1]).field("status")).isEqualTo("OPEN");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processId).count())
                .isEqualTo(stepsBefore);
        assertThat(engine.getRuntimeService().getVariable(processId, "unitId")).isEqualTo("panjin");
        assertThat(engine.getRuntimeService().getVariable(processId, "decision")).isNull();

        // the form's own fields go through, and the returned step comes back to the same unit and deadline
        Answer returned = coordinator.post("/engine-rest/task/{t}/complete", map("variables", map("decision", variable("RETURN"),
                "comment", variable("add the Kobe buyers"))), review[1]);
        assertThat(returned.status().value()).as(returned.body().toString()).isEqualTo(204);
        JsonNode again = as("panjin").get("/api/tasks?directiveId={d}&status=ACTIVE", review[0]).body().path("items").get(0);
        assertThat(again.path("candidateGroup").asText()).isEqualTo("panjin");
        assertThat(again.path("returnComment").asText()).isEqualTo("add the Kobe buyers");
        assertThat(again.path("dueAt").asText()).startsWith("2030-02-01");
    }

    @Test
    void aStepIsClaimedByTheOneWhoWillDoItNeverInAnothersName() {
        String[] review = reviewAwaitingTheOffice("fushun");
        ExpoFlowClient coordinator = as("coordinator");
        for (String someone : List.of("zzz", "fushun", "leader")) {
            assertThat(coordinator.post("/engine-rest/task/{t}/claim", map("userId", someone), review[1]).status().value())
                    .as(someone).isEqualTo(403);
        }
        assertThat(coordinator.get("/api/tasks/{t}", review[1]).field("status")).isEqualTo("OPEN");
        assertThat(coordinator.post("/engine-rest/task/{t}/claim", map("userId", "coordinator"), review[1]).status().value())
                .isEqualTo(204);
        assertThat(coordinator.get("/api/tasks/{t}", review[1]).field("assignee")).isEqualTo("coordinator");
        assertThat(coordinator.post("/engine-rest/task/{t}/claim", map("userId", "coordinator-2"), review[1]).status().value())
                .as("a step claimed already").isIn(403, 409);
    }

    @Test
    void aCompletionThroughTheEngineKeepsTheFormsLimitsAndItsFaultsAreTheCallersNotFailures() {
        String[] review = reviewAwaitingTheOffice("dandong");
        ExpoFlowClient coordinator = as("coordinator");
        Answer tooLong = coordinator.post("/engine-rest/task/{t}/complete", map("variables", map("decision", variable("RETURN"),
                "comment", variable("长".repeat(3000)))), review[1]);
        assertThat(tooLong.status().value()).isEqualTo(400);
        assertThat(tooLong.field("field")).isEqualTo("comment");
        assertThat(coordinator.get("/api/tasks/{t}", review[1]).field("status")).isEqualTo("OPEN");

        Answer noDecision = coordinator.post("/engine-rest/task/{t}/submit-form", map("variables", map()), review[1]);
        assertThat(noDecision.status().value()).as(noDecision.body().toString()).isEqualTo(400);
        assertThat(noDecision.field("field")).isEqualTo("decision");
        assertThat(coordinator.post("/engine-rest/task/{t}/complete", map("variables", map()), "no-such-step").status().value())
                .isEqualTo(404);
        Answer variablesNotAnObject = coordinator.post("/engine-rest/task/{t}/complete", map("variables", List.of("unitId")), review[1]);
        assertThat(variablesNotAnObject.status().value()).as("what the check cannot read goes no further").isEqualTo(400);
        assertThat(variablesNotAnObject.field("field")).isEqualTo("body");
        assertThat(coordinator.get("/api/tasks/{t}", review[1]).field("status")).isEqualTo("OPEN");
    }

    @Test
    void noOneReleasesAnotherUnitsClaimWhateverTheDoor() {
        ExpoFlowClient coordinator = as("coordinator");
        ExpoFlowClient clerk = as("tieling");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "tieling"), "tieling");
        String step = OsakaFixture.firstActiveTask(clerk, directiveId);
        assertThat(clerk.post("/api/tasks/{t}/claim", map(), step).status().value()).isEqualTo(204);

        assertThat(coordinator.post("/engine-rest/task/{t}/unclaim", map(), step).status().value()).isEqualTo(403);
        assertThat(coordinator.post("/engine-rest/engine/default/task/{t}/unclaim", map(), step).status().value()).isEqualTo(403);
        assertThat(coordinator.post("/api/tasks/{t}/unclaim", map(), step).status().value()).isEqualTo(403);
        assertThat(clerk.get("/api/tasks/{t}", step).field("assignee")).isEqualTo("tieling");

        assertThat(clerk.post("/api/tasks/{t}/unclaim", map(), step).status().value()).as("its holder may").isEqualTo(204);
    }
}
