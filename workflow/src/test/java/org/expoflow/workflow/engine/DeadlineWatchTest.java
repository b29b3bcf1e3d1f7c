package org.expoflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What watching a step's deadline leaves in the engine over the step's life: one timer while the deadline
 * is ahead, moved with an extended deadline, gone with the closed step; a supervision process only once
 * the deadline has passed, answered by the unit the step was handed to.
 */
@ExpoFlowTest
class DeadlineWatchTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    private ExpoFlowClient coordinator;
    private ExpoFlowClient shenyang;
    private String expoId;

    @BeforeEach
    void osaka() {
        coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
    }

    @Test
    void aStepDueLaterIsWatchedByOneTimerThatMovesWithItsDeadlineAndGoesWithTheStep() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        String step = OsakaFixture.firstActiveTask(shenyang, directiveId);
        Instant dueAt = Instant.parse(shenyang.get("/api/tasks/{t}", step).field("dueAt"));

        assertThat(timersOf(step)).singleElement().satisfies(timer ->
                assertThat(timer.getDuedate().toInstant()).as("due soon three days ahead")
                        .isEqualTo(dueAt.minus(Duration.ofDays(3))));
        assertThat(supervisionsOf(step)).as("no process while the deadline is ahead").isZero();

        assertThat(coordinator.post("/api/tasks/{t}/extend", map("dueOn", "2030-02-20", "reason", "buyers' fair moved"),
                step).status().value()).isEqualTo(204);
        Instant extended = Instant.parse(shenyang.get("/api/tasks/{t}", step).field("dueAt"));
        assertThat(timersOf(step)).singleElement().satisfies(timer ->
                assertThat(timer.getDuedate().toInstant()).isEqualTo(extended.minus(Duration.ofDays(3))));

        assertThat(shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai buyers")), step)
                .status().value()).isEqualTo(204);
        assertThat(timersOf(step)).as("the closed step leaves nothing to fire").isEmpty();
        assertThat(supervisionsOf(step)).isZero();
    }

    @Test
    void aStepCompletedWhileDueSoonTakesItsDeadlineTimerWithIt() {
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite buyers within two days", "dueAt", Instant.now().plus(Duration.ofDays(2)).toString(),
                "unitIds", List.of("shenyang"))).field("id");
        String step = OsakaFixture.firstActiveTask(shenyang, directiveId);
        Instant dueAt = Instant.parse(shenyang.get("/api/tasks/{t}", step).field("dueAt"));
        assertThat(timersOf(step)).singleElement().satisfies(timer ->
                assertThat(timer.getDuedate().toInstant()).as("due soon from the start: the deadline's timer")
                        .isEqualTo(dueAt));

        assertThat(shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai buyers")), step)
                .status().value()).isEqualTo(204);
        assertThat(timersOf(step)).as("the closed step leaves nothing to fire").isEmpty();
    }

    @Test
    void aStepsTimerIsFoundByItsStepAndDeadlineAndOneOfAnEarlierVersionByItsConfiguration() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang", "dalian");
        String step = OsakaFixture.firstActiveTask(shenyang, directiveId);
        Instant dueAt = Instant.parse(shenyang.get("/api/tasks/{t}", step).field("dueAt"));
        assertThat(timersOf(step)).singleElement().extracting(JobEntity::getId)
                .isEqualTo("due-soon:" + step + ":" + dueAt.getEpochSecond());
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai buyers")), step)
                .status().value()).isEqualTo(204);
        assertThat(timersOf(step)).as("found by key and deleted").isEmpty();

        // a step watched before timers had such ids: its timer under an id of the engine's
        ExpoFlowClient dalian = ExpoFlowClient.as("http://localhost:" + port, "dalian");
        String olderStep = OsakaFixture.firstActiveTask(dalian, directiveId);
        JobEntity watched = timersOf(olderStep).get(0);
        managementService.deleteJob(watched.getId());
        engine.getCommandExecutorTxRequired().execute(context -> {
            TimerEntity earlier = new TimerEntity();
            earlier.setJobHandlerType(StepDeadlineTimer.Milestone.DUE_SOON.jobType());
            earlier.setJobHandlerConfigurationRaw(olderStep);
            earlier.setDuedate(watched.getDuedate());
            context.getJobManager().schedule(earlier);
            return null;
        });
        assertThat(timersOf(olderStep)).singleElement().extracting(JobEntity::getId).asString().doesNotStartWith("due-soon:");
        assertThat(dalian.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Dalian buyers")), olderStep)
                .status().value()).isEqualTo(204);
        assertThat(timersOf(olderStep)).as("found by its configuration and deleted").isEmpty();
    }

    @Test
    void aStepHandedOverBeforeItsDeadlineIsChasedUpWithItsNewUnit() {
        ExpoFlowClient dalian = ExpoFlowClient.as("http://localhost:" + port, "dalian");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite buyers by tonight", "dueAt", Instant.now().plusSeconds(4).toString(),
                "unitIds", List.of("shenyang"))).field("id");
        String step = OsakaFixture.firstActiveTask(shenyang, directiveId);
        assertThat(coordinator.post("/api/tasks/{t}/reassign", map("unitId", "dalian",
                "reason", "Dalian's trade office has the Kansai contacts"), step).status().value()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> supervisionsOf(step) == 1);
        assertThat(timersOf(step)).as("the supervision process has taken over").isEmpty();
        assertThat(historyTypes(dalian, step)).containsSubsequence("TaskDueSoon", "TaskOverdue");

        JsonNode chaseUp = onlyTask(coordinator, directiveId, "chaseUpUnit");
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("values", map("message", "Dalian: report today")),
                chaseUp.path("id").asText()).status().value()).isEqualTo(204);
        JsonNode acknowledgement = onlyTask(dalian, directiveId, "acknowledgeChaseUp");
        assertThat(acknowledgement.path("candidateGroup").asText()).isEqualTo("dalian");

        assertThat(dalian.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai buyers")), step)
                .status().value()).isEqualTo(204);
        assertThat(supervisionsOf(step)).as("the closed step's chase-up ends with it").isZero();
    }

    private List<JobEntity> timersOf(String step) {
        return managementService.createJobQuery().timers().list().stream().map(JobEntity.class::cast)
                .filter(job -> step.equals(job.getJobHandlerConfigurationRaw())).toList();
    }

    private long supervisionsOf(String step) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(DeadlineSupervision.PROCESS_KEY)
                .processInstanceBusinessKey("supervision:" + step).count();
    }

    private static JsonNode onlyTask(ExpoFlowClient client, String directiveId, String stepKey) {
        List<JsonNode> found = StreamSupport.stream(client.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId)
                .body().path("items").spliterator(), false).filter(item -> item.path("stepKey").asText().equals(stepKey)).toList();
        assertThat(found).as("one %s task", stepKey).hasSize(1);
        return found.get(0);
    }

    private static List<String> historyTypes(ExpoFlowClient client, String taskId) {
        return client.get("/api/tasks/{t}", taskId).body().path("history").findValuesAsText("type");
    }
}
