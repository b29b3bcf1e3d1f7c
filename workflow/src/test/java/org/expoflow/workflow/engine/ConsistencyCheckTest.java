package org.expoflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ADMIN consistency check agrees when all is well and names the task when a record drifts, or the unit when
 * its tally of completed steps does.
 */
@ExpoFlowTest
class ConsistencyCheckTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void findsNoDifferenceAfterNormalWorkAndNamesATaskWhoseViewDrifted() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang", "dalian"),
                "shenyang", "dalian");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);
        shenyang.post("/api/tasks/{t}/claim", null, taskId);
        ExpoFlowClient admin = ExpoFlowClient.as("http://localhost:" + port, "admin");

        JsonNode report = admin.get("/api/admin/consistency").body();
        assertThat(report.path("differences")).isEmpty();
        assertThat(report.path("consistent").asBoolean()).isTrue();
        assertThat(report.path("engineOpenTasks").asInt()).isGreaterThanOrEqualTo(2)
                .isEqualTo(report.path("eventStoreOpenTasks").asInt()).isEqualTo(report.path("projectionOpenTasks").asInt());

        jdbc.update("update task_view set assignee = null, status = 'OPEN' where task_id = ?", taskId);
        JsonNode drifted = admin.get("/api/admin/consistency").body();
        assertThat(drifted.path("consistent").asBoolean()).isFalse();
        assertThat(drifted.path("differences")).hasSize(1);
        assertThat(drifted.path("differences").get(0).path("taskId").asText()).isEqualTo(taskId);
        assertThat(drifted.path("differences").get(0).path("engine").asText()).isEqualTo("open, claimed by shenyang");
        assertThat(admin.get("/api/admin/consistency").status().value()).isEqualTo(200);
        assertThat(coordinator.get("/api/admin/consistency").status().value()).isEqualTo(403);

        jdbc.update("update task_view set assignee = 'shenyang', status = 'CLAIMED' where task_id = ?", taskId);
    }

    @Test
    void namesAUnitWhoseTallyOfCompletedStepsNoLongerAddsUpToItsSteps() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "panjin");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "panjin");
        ExpoFlowClient panjin = ExpoFlowClient.as("http://localhost:" + port, "panjin");
        String taskId = OsakaFixture.firstActiveTask(panjin, directiveId);
        assertThat(panjin.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai buyers")), taskId)
                .status().value()).isEqualTo(204);
        ExpoFlowClient admin = ExpoFlowClient.as("http://localhost:" + port, "admin");
        assertThat(admin.get("/api/admin/consistency").body().path("tallyDifferences")).isEmpty();

        jdbc.update("update unit_step_tally set late = late + 1 where expo_id = ? and unit_id = 'panjin'", expoId);
        try {
            JsonNode drifted = admin.get("/api/admin/consistency").body();
            assertThat(drifted.path("consistent").asBoolean()).isFalse();
            assertThat(drifted.path("tallyDifferences")).hasSize(1);
            JsonNode difference = drifted.path("tallyDifferences").get(0);
            assertThat(difference.path("expoId").asText()).isEqualTo(expoId);
            assertThat(difference.path("unitId").asText()).isEqualTo("panjin");
            assertThat(difference.path("kept").asText()).contains("completed 1", "late 1");
            assertThat(difference.path("counted").asText()).contains("completed 1", "late 0");
        } finally {
            jdbc.update("update unit_step_tally set late = late - 1 where expo_id = ? and unit_id = 'panjin'", expoId);
        }
        assertThat(admin.get("/api/admin/consistency").body().path("tallyDifferences")).isEmpty();
    }
}
