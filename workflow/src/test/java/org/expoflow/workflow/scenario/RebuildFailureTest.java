package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.projections.support.ProjectionRebuild;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rebuild that cannot replay an event (here one whose payload is not JSON) stops and says why: to the
 * administrator who started it, and in the projections' progress until a rebuild succeeds. The live read models,
 * untouched, go on answering every query and page as before, and writes go on. No node retries it by itself;
 * once the cause is mended, a rebuild started again clears it.
 */
@ExpoFlowTest
class RebuildFailureTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProjectionRebuild rebuilds;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aRebuildThatCannotReplayAnEventSaysWhyAndWaitsForTheAdministrator() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "huludao");
        JsonNode boardBefore = withoutAsOf(as("leader").get("/api/expos/{e}/board", expoId).body());
        String brokenEvent = UUID.randomUUID().toString();
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload, meta_data) values (?, ?, 0, 'Task', ?, ?, ?, ?)", brokenEvent,
                UUID.randomUUID().toString(), Instant.now().toString(), org.expoflow.commands.storage.StoredMessageNames.storedName(TaskAssigned.class),
                "{not json".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        ExpoFlowClient admin = as("admin");
        try {
            ExpoFlowClient.Answer failed = admin.post("/api/admin/projections/read-models/rebuild?wait=true");
            assertThat(failed.status().value()).isEqualTo(500);
            assertThat(failed.body().path("field").asText()).isEqualTo("name");
            assertThat(failed.body().path("detail").asText()).contains("read-models").contains(brokenEvent);

            JsonNode progress = admin.get("/api/admin/projections/read-models").body();
            assertThat(progress.path("failure").asText()).contains(brokenEvent);
            assertThat(progress.path("running").asBoolean()).as("the live model serves on").isTrue();
            assertThat(progress.path("replaying").asBoolean()).isFalse();

            ExpoFlowClient.Answer board = as("leader").get("/api/expos/{e}/board", expoId);
            assertThat(board.status().value()).isEqualTo(200);
            assertThat(withoutAsOf(board.body())).isEqualTo(boardBefore);
            assertThat(PageSession.signedIn("http://localhost:" + port, "leader").get("/board?expoId=" + expoId))
                    .doesNotContain("id=\"rebuildFailed\"").contains("Osaka");
            assertThat(coordinator.post("/api/expos/{e}/units", map("unitId", "shenfu", "kind", "CITY"),
                    expoId).status().value()).as("writes go on").isEqualTo(201);
            assertThat(coordinator.get("/api/expos/{e}", expoId).body().toString()).contains("shenfu");

            assertThat(rebuilds.resumeAbandoned(Duration.ZERO)).as("no node takes a failed rebuild over by itself").isEmpty();
        } finally {
            jdbc.update("delete from domain_event_entry where event_identifier = ?", brokenEvent);
        }

        assertThat(admin.post("/api/admin/projections/read-models/rebuild?wait=true").status().value()).isEqualTo(200);
        JsonNode mended = admin.get("/api/admin/projections").body().get(0);
        assertThat(mended.path("failure").asText(null)).as(mended.toString()).isNull();
        assertThat(mended.path("position").asLong()).isEqualTo(mended.path("head").asLong());
        assertThat(as("leader").get("/api/expos/{e}/board", expoId).status().value()).isEqualTo(200);
    }

    private static JsonNode withoutAsOf(JsonNode view) {
        ((ObjectNode) view).remove("asOf");
        return view;
    }
}
