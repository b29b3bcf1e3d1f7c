package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
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
 * The expo office steers work already given out: it extends a deadline, hands a step to another unit,
 * asks a unit to co-operate, withdraws a directive. Only a coordinator may; each is an event on record.
 */
@ExpoFlowTest
class CoordinatorActionsTest {

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

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
    void anExtendedDeadlineIsInForceAndTheOriginalStaysOnRecord() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        String original = shenyang.get("/api/tasks/{t}", task).field("dueAt");

        assertThat(coordinator.post("/api/tasks/{t}/extend", map("dueOn", "2030-02-15",
                "reason", "Spring Festival: the trade offices are closed"), task).status().value()).isEqualTo(204);

        JsonNode extended = shenyang.get("/api/tasks/{t}", task).body();
        assertThat(extended.path("dueAt").asText()).isEqualTo("2030-02-15T15:59:59Z");
        assertThat(extended.path("originalDueAt").asText()).isEqualTo(original);
        assertThat(extended.path("history").findValuesAsText("type")).contains("DeadlineExtended");
        assertThat(extended.path("history").findValuesAsText("reason")).contains("Spring Festival: the trade offices are closed");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getDueDate())
                .isEqualTo(Date.from(Instant.parse("2030-02-15T15:59:59Z")));
    }

    @Test
    void anExtensionIsTheOfficesNamesItsReasonAndMovesTheDeadlineLater() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        EventStoreProbe events = new EventStoreProbe(jdbc);
        long before = events.count();

        assertThat(shenyang.post("/api/tasks/{t}/extend", map("dueOn", "2030-03-01", "reason", "late"), task).status().value())
                .isEqualTo(403);
        assertRefused(coordinator.post("/api/tasks/{t}/extend", map("dueOn", "2030-03-01"), task), "reason");
        assertRefused(coordinator.post("/api/tasks/{t}/extend", map("dueOn", "2029-12-01", "reason", "earlier"), task), "dueOn");
        assertRefused(coordinator.post("/api/tasks/{t}/extend", map("dueOn", "2020-01-01", "reason", "past"), task), "dueOn");
        assertRefused(coordinator.post("/api/tasks/{t}/extend", map("reason", "no date"), task), "dueOn");
        assertThat(events.count()).as("nothing written").isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getDueDate())
                .isEqualTo(Date.from(Instant.parse("2030-02-01T15:59:59Z")));
    }

    @Test
    void aReassignedStepIsTheNewUnitsToDoAndNoLongerTheOldOnes() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        assertThat(shenyang.post("/api/tasks/{t}/claim", null, task).status().value()).isEqualTo(204);

        assertRefused(coordinator.post("/api/tasks/{t}/reassign", map("unitId", "anshan", "reason", "x"), task), "unitId");
        assertThat(shenyang.post("/api/tasks/{t}/reassign", map("unitId", "dalian", "reason", "x"), task).status().value())
                .isEqualTo(403);
        assertThat(coordinator.post("/api/tasks/{t}/reassign", map("unitId", "dalian",
                "reason", "Dalian's trade office has the Kansai contacts"), task).status().value()).isEqualTo(204);

        JsonNode reassigned = dalian.get("/api/tasks/{t}", task).body();
        assertThat(reassigned.path("candidateGroup").asText()).isEqualTo("dalian");
        assertThat(reassigned.path("unitId").asText()).as("still Shenyang's directive").isEqualTo("shenyang");
        assertThat(reassigned.path("status").asText()).as("the old claim is released").isEqualTo("OPEN");
        assertThat(dalian.get("/api/tasks?status=ACTIVE").body().path("items").findValuesAsText("id")).contains(task);
        assertThat(shenyang.post("/api/tasks/{t}/claim", null, task).status().value()).isEqualTo(403);
        assertThat(dalian.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai buyers")), task)
                .status().value()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    }

    @Test
    void aCooperatingUnitReportsOnTheStepAlongsideItsUnit() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        assertThat(dalian.post("/api/tasks/{t}/progress", map("percent", 10), task).status().value()).isEqualTo(403);

        assertThat(coordinator.post("/api/tasks/{t}/cooperating-units", map("unitId", "dalian"), task).status().value())
                .isEqualTo(204);
        assertThat(coordinator.post("/api/tasks/{t}/cooperating-units", map("unitId", "dalian"), task).status().value())
                .isEqualTo(409);

        assertThat(dalian.post("/api/tasks/{t}/progress", map("percent", 40, "note", "Dalian's buyers added"), task)
                .status().value()).isEqualTo(204);
        JsonNode shared = shenyang.get("/api/tasks/{t}", task).body();
        assertThat(shared.path("cooperatingUnits").get(0).asText()).isEqualTo("dalian");
        assertThat(shared.path("percent").asInt()).isEqualTo(40);
        assertThat(shared.path("history").findValuesAsText("type")).contains("CooperatingUnitAdded", "ProgressReported");
    }

    @Test
    void aWithdrawnDirectiveClosesEveryUnitsOpenWorkAsWithdrawn() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang", "dalian");
        String shenyangTask = OsakaFixture.firstActiveTask(shenyang, directiveId);

        assertThat(shenyang.post("/api/directives/{d}/withdraw", map("reason", "too much"), directiveId).status().value())
                .isEqualTo(403);
        assertRefused(coordinator.post("/api/directives/{d}/withdraw", map("reason", " "), directiveId), "reason");
        assertThat(coordinator.post("/api/directives/{d}/withdraw", map("reason", "no"), "no-such-directive").status().value())
                .isEqualTo(404);
        assertThat(coordinator.post("/api/directives/{d}/withdraw", map("reason", "merged into the buyers' fair directive"),
                directiveId).status().value()).isEqualTo(204);

        JsonNode task = shenyang.get("/api/tasks/{t}", shenyangTask).body();
        assertThat(task.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(task.path("history").findValuesAsText("type")).contains("TaskWithdrawn");
        assertThat(coordinator.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("total").asInt()).isZero();
        JsonNode board = client("leader").get("/api/expos/{e}/board", expoId).body();
        assertThat(board.path("units").findValuesAsText("status")).containsOnly("WITHDRAWN");
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("values", map()), shenyangTask).status().value()).isEqualTo(409);
        assertThat(coordinator.post("/api/directives/{d}/withdraw", map("reason", "again"), directiveId).status().value())
                .isEqualTo(409);
    }

    private static void assertRefused(ExpoFlowClient.Answer answer, String field) {
        assertThat(answer.status().value()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.field("field")).as(answer.body().toString()).isEqualTo(field);
    }
}
