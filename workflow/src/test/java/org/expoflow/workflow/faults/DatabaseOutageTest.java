package org.expoflow.workflow.faults;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;


import javax.sql.DataSource;

import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The database goes away while clerks work: their requests fail at once with 503 and change nothing;
 * when it is back the same requests succeed, and engine, events and task list still agree.
 * (The outage is simulated at the connection pool's door; a real PostgreSQL restart is not yet tested.)
 */
@ExpoFlowTest
class DatabaseOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void databaseBack() {
        ((OutageSwitch) dataSource).databaseUp();
    }

    @Test
    void requestsFailFastWith503DuringAnOutageAndSucceedAfterwardsWithNothingLost() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);
        long before = new EventStoreProbe(jdbc).count();

        ((OutageSwitch) dataSource).databaseDown();
        ExpoFlowClient.Answer claim = shenyang.post("/api/tasks/{t}/claim", null, taskId);
        ExpoFlowClient.Answer progress = shenyang.post("/api/tasks/{t}/progress", map("percent", 30), taskId);
        ((OutageSwitch) dataSource).databaseUp();

        assertThat(claim.status().value()).isEqualTo(503);
        assertThat(progress.status().value()).isEqualTo(503);
        assertThat(progress.field("detail")).contains("nothing was changed");
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(before);

        assertThat(shenyang.post("/api/tasks/{t}/claim", null, taskId).status().value()).isEqualTo(204);
        assertThat(shenyang.post("/api/tasks/{t}/progress", map("percent", 30), taskId).status().value()).isEqualTo(204);
        assertThat(new EventStoreProbe(jdbc).eventTypes(taskId)).containsExactly("TaskAssigned", "TaskClaimed", "ProgressReported");
        JsonNode consistency = ExpoFlowClient.as("http://localhost:" + port, "admin").get("/api/admin/consistency").body();
        assertThat(consistency.path("differences")).isEmpty();
    }
}
