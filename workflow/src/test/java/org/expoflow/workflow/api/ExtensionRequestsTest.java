package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.task.DecideExtensionRequest;
import org.expoflow.workflow.engine.StepEngine;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Extension requests (延期申请): before its deadline a unit asks for a later one with a reason; the office
 * approves it, singly or in bulk (the deadline moves as by its own extension, in the engine too), or refuses it
 * saying why. Both are on the step's history; bad input is refused naming the field, and nothing is written.
 */
@ExpoFlowTest
class ExtensionRequestsTest {

    private static final String DUE = "2030-02-01T15:59:59Z";

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService managementService;

    @Autowired
    StepEngine engine;

    private ExpoFlowClient coordinator;
    private ExpoFlowClient shenyang;
    private ExpoFlowClient dalian;
    private String expoId;

    @BeforeEach
    void osaka() {
        coordinator = client("coordinator");
        shenyang = client("shenyang");
        dalian = client("dalian");
        expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
    }

    private ExpoFlowClient client(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void anApprovedRequestMovesTheDeadlineAsTheOfficesOwnExtension() {
        String task = OsakaFixture.firstActiveTask(shenyang, OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang"));

        assertThat(shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15",
                "reason", "春节期间外贸机构放假"), task).status().value()).isEqualTo(204);
        JsonNode asked = coordinator.get("/api/tasks/{t}", task).body();
        assertThat(asked.path("dueAt").asText()).as("not moved before the office decides").isEqualTo(DUE);
        assertThat(asked.path("extensionRequest").path("dueAt").asText()).isEqualTo("2030-02-15T15:59:59Z");
        assertThat(asked.path("extensionRequest").path("reason").asText()).isEqualTo("春节期间外贸机构放假");

        assertThat(coordinator.post("/api/tasks/{t}/extension-request/decision", map("approve", true), task).status().value())
                .isEqualTo(204);
        JsonNode extended = shenyang.get("/api/tasks/{t}", task).body();
        assertThat(extended.path("dueAt").asText()).isEqualTo("2030-02-15T15:59:59Z");
        assertThat(extended.path("originalDueAt").asText()).isEqualTo(DUE);
        assertThat(extended.path("extensionRequest").isMissingNode() || extended.path("extensionRequest").isNull())
                .as("no longer waiting").isTrue();
        assertThat(extended.path("history").findValuesAsText("type"))
                .containsSubsequence("ExtensionRequested", "ExtensionRequestDecided", "DeadlineExtended");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getDueDate())
                .isEqualTo(Date.from(Instant.parse("2030-02-15T15:59:59Z")));
    }

    /**
     * An extension is the unit's: approved on its first step, it holds for the steps after it and for a step redone after
     * the office returned the work, which would otherwise fall due at the directive's date, past, and be chased up.
     */
    @Test
    void anApprovedExtensionHoldsForTheUnitsLaterStepsAndThroughAReturn() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "dalian");
        String draft = OsakaFixture.firstActiveTask(dalian, directiveId);
        dalian.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "春节期间外贸机构放假"), draft);
        assertThat(coordinator.post("/api/tasks/{t}/extension-request/decision", map("approve", true), draft).status().value())
                .isEqualTo(204);
        String extended = "2030-02-15T15:59:59Z";

        assertThat(dalian.post("/api/tasks/{t}/complete", map("values", map("invitationList", "关西机械商会")), draft).status()
                .value()).isEqualTo(204);
        String send = OsakaFixture.firstActiveTask(dalian, directiveId);
        assertThat(dalian.get("/api/tasks/{t}", send).body().path("dueAt").asText()).as("the next step").isEqualTo(extended);
        dalian.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 42)), send);
        String confirm = OsakaFixture.firstActiveTask(dalian, directiveId);
        assertThat(dalian.get("/api/tasks/{t}", confirm).body().path("dueAt").asText()).isEqualTo(extended);
        dalian.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 25)), confirm);
        String review = OsakaFixture.firstActiveTask(coordinator, directiveId);
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "名单不全，请补充",
                "returnTo", "draftInvitationList"), review).status().value()).isEqualTo(204);

        String redone = OsakaFixture.firstActiveTask(dalian, directiveId);
        assertThat(dalian.get("/api/tasks/{t}", redone).body().path("stepKey").asText()).isEqualTo("draftInvitationList");
        assertThat(dalian.get("/api/tasks/{t}", redone).body().path("dueAt").asText()).as("the step redone after the return")
                .isEqualTo(extended);
        assertThat(taskService.createTaskQuery().taskId(redone).singleResult().getDueDate())
                .isEqualTo(Date.from(Instant.parse(extended)));
    }

    /**
     * The office read the request waiting on the step; before its approval went in, that request was refused elsewhere
     * and the unit asked again, for another date. The approval moves the deadline to the date of the request it
     * approves, in the engine as in the events: read inside its transaction, not the one read before.
     */
    @Test
    void anApprovalMovesTheEnginesTimerToTheDateOfTheRequestItApprovesNotOneReadBefore() {
        String task = OsakaFixture.firstActiveTask(shenyang, OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang"));
        shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "春节期间外贸机构放假"), task);
        assertThat(coordinator.get("/api/tasks/{t}", task).body().path("extensionRequest").path("dueAt").asText())
                .as("what the office read").isEqualTo("2030-02-15T15:59:59Z");
        coordinator.post("/api/tasks/{t}/extension-request/decision", map("approve", false, "comment", "请说明新的日期"), task);
        shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-03-01", "reason", "日方采购商名单3月初提供"), task);

        engine.decideExtension(new DecideExtensionRequest(task, new Actor("coordinator", Set.of("coordinator")), true, null,
                Instant.now()), true);

        Instant approved = Instant.parse("2030-03-01T15:59:59Z");
        assertThat(shenyang.get("/api/tasks/{t}", task).body().path("dueAt").asText()).isEqualTo(approved.toString());
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getDueDate()).isEqualTo(Date.from(approved));
        assertThat(managementService.createJobQuery().timers().list()).filteredOn(job ->
                        task.equals(((JobEntity) job).getJobHandlerConfigurationRaw()))
                .singleElement().satisfies(timer -> assertThat(timer.getDuedate().toInstant())
                        .as("due soon three days before the deadline approved").isEqualTo(approved.minus(Duration.ofDays(3))));
    }

    @Test
    void aRefusedRequestKeepsTheDeadlineAndSaysWhy() {
        String task = OsakaFixture.firstActiveTask(shenyang, OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang"));
        shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "人手不足"), task);

        assertRefused(coordinator.post("/api/tasks/{t}/extension-request/decision", map("approve", false), task), "comment");
        assertThat(coordinator.post("/api/tasks/{t}/extension-request/decision", map("approve", false,
                "comment", "会刊2月1日付印，不能延期"), task).status().value()).isEqualTo(204);

        JsonNode refused = shenyang.get("/api/tasks/{t}", task).body();
        assertThat(refused.path("dueAt").asText()).isEqualTo(DUE);
        assertThat(refused.path("history").findValuesAsText("comment")).contains("会刊2月1日付印，不能延期");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getDueDate()).isEqualTo(Date.from(Instant.parse(DUE)));
        assertThat(coordinator.post("/api/tasks/{t}/extension-request/decision", map("approve", true), task).status().value())
                .as("nothing waits any more").isEqualTo(409);
    }

    @Test
    void aRequestIsTheUnitsNamesItsDateAndReasonAndOnlyTheOfficeDecidesIt() {
        String task = OsakaFixture.firstActiveTask(shenyang, OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang"));
        EventStoreProbe events = new EventStoreProbe(jdbc);
        // the step's own events: other tests' timers may write theirs meanwhile
        long before = events.eventTypes(task).size();

        assertRefused(shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15"), task), "reason");
        assertRefused(shenyang.post("/api/tasks/{t}/extension-request", map("reason", "无日期"), task), "dueOn");
        assertRefused(shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-01-15", "reason", "提前"), task), "dueOn");
        assertRefused(shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "x".repeat(2001)),
                task), "reason");
        assertThat(dalian.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "代为申请"), task)
                .status().value()).as("another unit's step").isIn(403, 404);
        assertThat(coordinator.post("/api/tasks/{t}/extension-request/decision", map("approve", true), task).status().value())
                .as("nothing asked yet").isEqualTo(409);
        assertThat(events.eventTypes(task)).as("nothing written").hasSize((int) before);

        shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "春节"), task);
        assertThat(shenyang.post("/api/tasks/{t}/extension-request/decision", map("approve", true), task).status().value())
                .isEqualTo(403);
        assertThat(shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-20", "reason", "再申请"), task)
                .status().value()).as("one request at a time").isEqualTo(409);
        assertRefused(coordinator.post("/api/tasks/{t}/extension-request/decision", map("comment", "同意"), task), "approve");
    }

    @Test
    void theOfficeApprovesRequestsInBulk() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang", "dalian");
        String shenyangTask = OsakaFixture.firstActiveTask(shenyang, directiveId);
        String dalianTask = OsakaFixture.firstActiveTask(dalian, directiveId);
        shenyang.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-10", "reason", "春节"), shenyangTask);

        assertRefused(coordinator.post("/api/tasks/bulk", map("action", "REFUSE_EXTENSION",
                "taskIds", List.of(shenyangTask, dalianTask))), "comment");
        JsonNode bulk = coordinator.post("/api/tasks/bulk", map("action", "APPROVE_EXTENSION",
                "taskIds", List.of(shenyangTask, dalianTask))).body();
        assertThat(bulk.path("done").asInt()).isEqualTo(1);
        assertThat(bulk.path("refused").asInt()).as("Dalian asked for nothing").isEqualTo(1);
        assertThat(shenyang.get("/api/tasks/{t}", shenyangTask).field("dueAt")).isEqualTo("2030-02-10T15:59:59Z");
        assertThat(dalian.get("/api/tasks/{t}", dalianTask).field("dueAt")).isEqualTo(DUE);
    }

    private static void assertRefused(ExpoFlowClient.Answer answer, String field) {
        assertThat(answer.status().value()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.field("field")).as(answer.body().toString()).isEqualTo(field);
    }
}
