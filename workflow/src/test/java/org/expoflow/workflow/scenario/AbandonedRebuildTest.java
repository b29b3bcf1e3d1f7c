package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.expoflow.projections.support.ProjectionRebuild;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.config.AbandonedRebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A node killed in the middle of a rebuild leaves it marked under way, while every node goes on answering from the
 * live read models. A rebuild that still moves is left to its node; one that has not moved for two minutes is taken
 * over by another node, which rebuilds and switches: the read models answer as they were. A second rebuild asked of
 * another node while one is under way is refused, so that two nodes never fill the one set of new tables.
 */
@ExpoFlowTest
class AbandonedRebuildTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    AbandonedRebuilds abandoned;

    @Autowired
    ProjectionRebuild rebuild;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aRebuildWhoseNodeDiedIsTakenOverAndTheReadModelsAnswerAgain() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        JsonNode boardBefore = withoutAsOf(as("leader").get("/api/expos/{e}/board", expoId).body());

        markUnderWay(Duration.ofSeconds(5));
        abandoned.resume();
        assertThat(as("admin").get("/api/admin/projections/read-models").body().path("position").asLong())
                .as("a rebuild that moved seconds ago is its node's").isEqualTo(3);
        ExpoFlowClient.Answer meanwhile = as("leader").get("/api/expos/{e}/board", expoId);
        assertThat(meanwhile.status().value()).as("the live model answers meanwhile").isEqualTo(200);
        assertThat(withoutAsOf(meanwhile.body())).isEqualTo(boardBefore);
        ExpoFlowClient.Answer second = as("admin").withHeader("Accept-Language", "zh-CN")
                .post("/api/admin/projections/read-models/rebuild");
        assertThat(second.status().value()).as("one rebuild at a time, whichever node is asked: " + second.body()).isEqualTo(409);
        assertThat(second.body().path("detail").asText()).contains("另一个节点正在重建读模型");
        assertThat(jdbc.queryForObject("select position from read_model_state where processing_group = 'read-models'", Long.class))
                .as("the other node's rebuild left as it was").isEqualTo(3);

        markUnderWay(Duration.ofMinutes(10));
        abandoned.resume();
        rebuild.awaitRebuilt("read-models");

        ExpoFlowClient.Answer board = as("leader").get("/api/expos/{e}/board", expoId);
        assertThat(board.status().value()).isEqualTo(200);
        assertThat(withoutAsOf(board.body())).isEqualTo(boardBefore);
        assertThat(jdbc.queryForObject("select rebuilding from read_model_state where processing_group = 'read-models'",
                Boolean.class)).isFalse();
    }

    /** As the node that started the rebuild left it: under way, its last progress {@code ago}. */
    private void markUnderWay(Duration ago) {
        OffsetDateTime lastProgress = clock.instant().minus(ago).atOffset(ZoneOffset.UTC);
        if (jdbc.update("update read_model_state set rebuilding = true, started_at = ?, progressed_at = ?, position = 3, head = 9"
                + " where processing_group = 'read-models'", lastProgress, lastProgress) == 0) {
            jdbc.update("insert into read_model_state (processing_group, rebuilding, started_at, progressed_at, position, head)"
                    + " values ('read-models', true, ?, ?, 3, 9)", lastProgress, lastProgress);
        }
    }

    private static JsonNode withoutAsOf(JsonNode view) {
        ((ObjectNode) view).remove("asOf");
        return view;
    }
}
