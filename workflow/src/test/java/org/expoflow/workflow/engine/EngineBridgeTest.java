package org.expoflow.workflow.engine;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whatever path changes a task, its event is stored once, in the engine's transaction; and a command
 * an aggregate refuses leaves neither an event nor an engine change.
 */
@ExpoFlowTest
class EngineBridgeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    EventStoreProbe events;
    String directiveId;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @BeforeEach
    void inviteBuyersIssuedToShenyangAndDalian() {
        events = new EventStoreProbe(jdbc);
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang", "dalian");
    }

    private String shenyangTask() {
        return OsakaFixture.firstActiveTask(as("shenyang"), directiveId);
    }

    @Test
    void aReviewCompletedThroughTheEngineRestApiIsRecordedAndProjected() {
        String draft = shenyangTask();
        as("shenyang").post("/api/tasks/{t}/complete", map(), draft);
        as("shenyang").post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 42)), shenyangTask());
        as("shenyang").post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 30)), shenyangTask());
        String review = taskService.createTaskQuery().processInstanceBusinessKey(directiveId + ":shenyang").singleResult().getId();

        ExpoFlowClient.Answer answer = as("coordinator").post("/engine-rest/task/{id}/complete",
                map("variables", map("decision", map("value", "APPROVE"))), review);

        assertThat(answer.status().value()).isEqualTo(204);
        assertThat(events.eventTypes(review)).containsExactly("TaskAssigned", "TaskCompleted");
        assertThat(events.metaDataOfLast(review)).contains("\"actor\":\"coordinator\"");
        assertThat(events.eventTypes(directiveId)).containsExactly("DirectiveIssued", "UnitFinishedDirective");
        assertThat(taskService.createTaskQuery().taskId(review).count()).isZero();
        // the caller did not go through our API, so it waits for the projection like any other reader
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            assertThat(as("coordinator").get("/api/tasks/{t}", review).body().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(as("coordinator").get("/api/tasks/{t}", review).body().path("decision").asText()).isEqualTo("APPROVE");
        });
    }

    @Test
    void theEngineRestApiAsksForCredentials() {
        ExpoFlowClient.Answer anonymous = ExpoFlowClient.as("http://localhost:" + port, "nobody")
                .get("/engine-rest/task?processInstanceBusinessKey={k}", directiveId + ":shenyang");
        assertThat(anonymous.status().value()).isEqualTo(401);
    }

    @Test
    void aTaskClaimedThroughTheEngineServiceIsRecordedWithTheEngineAsActor() {
        String taskId = shenyangTask();
        taskService.claim(taskId, "shenyang");

        assertThat(events.eventTypes(taskId)).containsExactly("TaskAssigned", "TaskClaimed");
        assertThat(events.metaDataOfLast(taskId)).contains("\"actor\":\"engine\"");
    }

    @Test
    void anotherCitysCompletionIsRefusedThroughOurApiWithNothingChanged() {
        String taskId = shenyangTask();
        long before = events.count();

        ExpoFlowClient.Answer refused = as("dalian").post("/api/tasks/{t}/claim", null, taskId);

        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(events.count()).isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void aCommandRefusedByTheTaskRollsBackTheEngineRestCompletion() {
        String taskId = shenyangTask();
        long before = events.count();

        ExpoFlowClient.Answer refused = as("coordinator").post("/engine-rest/task/{id}/complete", map(), taskId);

        assertThat(refused.status().value()).as("the coordinator is not one of Shenyang's clerks").isEqualTo(403);
        assertThat(refused.body().path("message").asText()).contains("may not act");
        assertThat(events.count()).isEqualTo(before);
        assertThat(events.eventTypes(taskId)).containsExactly("TaskAssigned");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(directiveId + ":shenyang")
                .taskDefinitionKey("sendInvitations").count()).as("the process did not move").isZero();
    }

    @Test
    void aStepCannotBeSubmittedWithoutItsRequiredFigureEvenThroughTheEngine() {
        String taskId = shenyangTask();
        as("shenyang").post("/api/tasks/{t}/complete", map(), taskId);
        String sendInvitations = shenyangTask();
        long before = events.count();

        identityService.setAuthentication("shenyang", List.of("shenyang"));
        try {
            assertThatThrownBy(() -> taskService.complete(sendInvitations)).hasStackTraceContaining("buyersInvited");
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(events.count()).isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(sendInvitations).count()).isOne();
    }

    @Test
    void aReviewCannotBeCompletedThroughTheEngineRestApiWithoutADecision() {
        as("shenyang").post("/api/tasks/{t}/complete", map(), shenyangTask());
        as("shenyang").post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 42)), shenyangTask());
        as("shenyang").post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 30)), shenyangTask());
        String review = taskService.createTaskQuery().processInstanceBusinessKey(directiveId + ":shenyang").singleResult().getId();
        long before = events.count();

        ExpoFlowClient.Answer refused = as("coordinator").post("/engine-rest/task/{id}/complete", map(), review);

        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("decision");
        assertThat(events.count()).isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(review).count()).isOne();
    }
}
