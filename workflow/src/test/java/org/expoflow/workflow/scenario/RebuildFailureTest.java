package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rebuild that cannot replay an event (here one whose payload is not JSON) stops and says why: to the
 * administrator who started it, in the projections' progress, and to every query and page, which go on
 * refusing the half-built read models, now with the reason and without "ask again in a few seconds". No node
 * retries it by itself; once the cause is mended, a rebuild started again clears it.
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

            JsonNode progress = admin.get("/api/admin/projections").body().get(0);
            assertThat(progress.path("failure").asText()).contains(brokenEvent);
            assertThat(progress.path("running").asBoolean()).isFalse();

            ExpoFlowClient.Answer board = as("leader").get("/api/expos/{e}/board", expoId);
            assertThat(board.status().value()).isEqualTo(503);
            assertThat(board.body().path("detail").asText()).contains("failed").contains(brokenEvent)
                    .doesNotContain("ask again");
            String retryAfter = RestClient.create("http://localhost:" + port).get().uri("/api/expos/{e}/board", expoId)
                    .headers(headers -> headers.setBasicAuth("leader", "demo"))
                    .exchange((request, response) -> response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            assertThat(retryAfter).as("no point asking again before the administrator acts").isNull();
            assertThat(PageSession.signedIn("http://localhost:" + port, "leader").get("/board?expoId=" + expoId))
                    .contains("id=\"rebuildFailed\"");

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
}
