package org.expoflow.workflow.api;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Instant;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A directive's own thread: leadership instructs every unit on a directive at once; each unit hears of it, reads
 * it at the top of its step and in the thread, and the next meeting's brief records it. A unit the directive does
 * not concern neither reads nor writes there, and an empty comment is refused naming {@code text}.
 */
@ExpoFlowTest
class DirectiveCommentsTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void leadershipInstructsEveryUnitOnADirectiveAndTheBriefRecordsIt() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "yingkou", "panjin", "fuxin");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "yingkou", "panjin");

        assertThat(as("leader").post("/api/directives/{d}/comments", map("text", "两市联合邀请，月底前完成", "instruction", true),
                directiveId).status().value()).isEqualTo(204);
        assertThat(as("panjin").post("/api/directives/{d}/comments", map("text", "收到，已分工"), directiveId).status().value())
                .isEqualTo(204);

        JsonNode thread = as("yingkou").get("/api/directives/{d}/comments", directiveId).body();
        assertThat(thread.path("title").asText()).isEqualTo("Invite");
        assertThat(thread.path("comments").findValuesAsText("text")).containsExactly("两市联合邀请，月底前完成", "收到，已分工");
        assertThat(thread.path("comments").get(0).path("instruction").asBoolean()).isTrue();
        for (String unit : List.of("yingkou", "panjin")) {
            assertThat(as(unit).get("/api/inbox").body().findParents("notice").stream()
                    .filter(item -> item.path("notice").asText().equals("DIRECTIVE_INSTRUCTION"))
                    .map(item -> item.path("text").asText()))
                    .as(unit).anyMatch(text -> text.contains("《Invite》两市联合邀请，月底前完成"));
        }
        String meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "周例会",
                "heldAt", Instant.now().toString())).field("id");
        assertThat(as("leader").get("/api/meetings/{m}/brief", meetingId).body().path("instructions").findValuesAsText("text"))
                .contains("两市联合邀请，月底前完成");
        assertThat(TestClients.rest("http://localhost:" + port).get()
                .uri("/api/meetings/{m}/brief?format=pdf", meetingId).headers(headers -> headers.setBasicAuth("leader", "demo"))
                .retrieve().toEntity(byte[].class).getStatusCode().value()).as("the printed brief too").isEqualTo(200);
    }

    @Test
    void aUnitNotOnTheDirectiveNeitherReadsNorWritesAndAnEmptyCommentIsRefused() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "yingkou", "fuxin");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "yingkou");

        assertThat(as("fuxin").get("/api/directives/{d}/comments", directiveId).status().value()).isEqualTo(403);
        assertThat(as("fuxin").post("/api/directives/{d}/comments", map("text", "?"), directiveId).status().value()).isEqualTo(403);
        ExpoFlowClient.Answer empty = as("yingkou").post("/api/directives/{d}/comments", map("text", " "), directiveId);
        assertThat(empty.status().value()).isEqualTo(400);
        assertThat(empty.field("field")).isEqualTo("text");
        assertThat(as("coordinator").post("/api/directives/{d}/comments", map("text", "必须完成", "instruction", true), directiveId)
                .status().value()).as("instructions are leadership's").isEqualTo(403);
        assertThat(as("yingkou").get("/api/directives/{d}/comments", directiveId).body().path("comments")).isEmpty();
        assertThat(as("yingkou").get("/api/directives/{d}/comments", "no-such-directive").status().value()).isEqualTo(404);
    }
}
