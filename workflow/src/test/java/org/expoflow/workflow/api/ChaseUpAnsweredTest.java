package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A chase-up (督办) as the office does it: the unit's reply is required (an empty one is refused naming the field,
 * nothing written); the reply is due by its own date, so the acknowledgement is not the unit's own overdue step;
 * its pages speak Chinese; and the office sees whether the unit read the chase-up (已读, when, by whom) and what
 * it replied.
 */
@ExpoFlowTest
class ChaseUpAnsweredTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void theUnitMustReplyAndTheOfficeSeesItReadAndTheReply() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "fuxin");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "今晚前邀请采购商", "dueAt", Instant.now().plusSeconds(3).toString(),
                "unitIds", List.of("fuxin"))).field("id");
        String step = OsakaFixture.firstActiveTask(as("fuxin"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(as("coordinator"), directiveId, "chaseUpUnit") != null);
        assertThat(as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "请于今日报送邀请名单"), step).status().value())
                .isEqualTo(204);

        JsonNode acknowledgement = activeStep(as("fuxin"), directiveId, "acknowledgeChaseUp");
        String ackId = acknowledgement.path("id").asText();
        assertThat(Instant.parse(acknowledgement.path("dueAt").asText())).as("the reply is due by its own date")
                .isAfter(Instant.now().plus(Duration.ofDays(2)));
        assertThat(acknowledgement.path("overdue").asBoolean()).as("the acknowledgement is not born overdue").isFalse();
        assertThat(ids(as("fuxin").get("/api/tasks?directiveId={d}&overdue=true", directiveId).body()))
                .as("only the unit's own step is overdue").containsExactly(step);

        EventStoreProbe events = new EventStoreProbe(jdbc);
        List<String> before = events.eventTypes(step);
        ExpoFlowClient.Answer empty = as("fuxin").post("/api/tasks/{t}/complete", map("values", map("reply", " ")), ackId);
        ExpoFlowClient.Answer none = as("fuxin").post("/api/tasks/{t}/complete", map("values", map()), ackId);
        assertThat(empty.status().value()).isEqualTo(400);
        assertThat(empty.field("field")).contains("reply");
        assertThat(none.status().value()).isEqualTo(400);
        assertThat(none.field("field")).contains("reply");
        assertThat(events.eventTypes(step)).isEqualTo(before);

        PageSession page = PageSession.signedIn("http://localhost:" + port, "fuxin");
        String ackPage = page.get("/tasks/" + ackId);
        assertThat(ackPage).contains("回复督办", "回复内容").doesNotContain("Acknowledge the chase-up", "Reply to the expo office");

        JsonNode chased = StreamSupport.stream(as("fuxin").get("/api/inbox").body().spliterator(), false)
                .filter(item -> item.path("notice").asText().equals("CHASED_UP")).findFirst().orElseThrow();
        assertThat(as("fuxin").post("/api/inbox/{n}/read", null, chased.path("id").asText()).status().value()).isEqualTo(204);
        assertThat(as("fuxin").post("/api/tasks/{t}/complete", map("values", map("reply", "名单今天下午报送")), ackId)
                .status().value()).isEqualTo(204);

        JsonNode receipts = as("coordinator").get("/api/tasks/{t}/notices", step).body();
        JsonNode chaseUp = StreamSupport.stream(receipts.spliterator(), false)
                .filter(r -> r.path("notice").asText().equals("CHASED_UP")).findFirst().orElseThrow();
        assertThat(chaseUp.path("unitId").asText()).isEqualTo("fuxin");
        assertThat(chaseUp.path("readAt").isTextual()).as("read, with the time").isTrue();
        assertThat(chaseUp.path("readBy").asText()).isEqualTo("fuxin");
        assertThat(chaseUp.path("reply").asText()).isEqualTo("名单今天下午报送");
        assertThat(chaseUp.path("text").asText()).contains("请于今日报送邀请名单");
        assertThat(StreamSupport.stream(receipts.spliterator(), false).filter(r -> r.path("notice").asText().equals("NEW_STEP")))
                .as("every notice, read or not").isNotEmpty();
        assertThat(as("fuxin").get("/api/tasks/{t}/notices", step).status().value()).isEqualTo(403);
        assertThat(as("fuxin").get("/api/tasks/{t}", step).body().path("history").toString()).contains("名单今天下午报送");
        String officePage = PageSession.signedIn("http://localhost:" + port, "coordinator").get("/tasks/" + step);
        assertThat(officePage).contains("督办与通知的阅读情况", "已读", "名单今天下午报送", "回复督办：名单今天下午报送")
                .doesNotContain("已确认催办");
    }

    @Test
    void anEmptyCommentOrInstructionIsRefusedAsSuch() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "panjin");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "panjin");
        String step = OsakaFixture.firstActiveTask(as("panjin"), directiveId);

        ExpoFlowClient.Answer comment = as("panjin").post("/api/tasks/{t}/comments", map("text", " "), step);
        ExpoFlowClient.Answer instruction = as("leader").post("/api/tasks/{t}/comments", map("text", "", "instruction", true), step);
        ExpoFlowClient.Answer onDirective = as("leader").post("/api/directives/{d}/comments", map("text", "", "instruction", true),
                directiveId);

        assertThat(comment.status().value()).isEqualTo(400);
        assertThat(comment.field("field")).isEqualTo("text");
        assertThat(comment.field("detail")).contains("留言内容").doesNotContain("决定");
        assertThat(instruction.field("detail")).contains("批示内容").doesNotContain("决定");
        assertThat(onDirective.status().value()).isEqualTo(400);
        assertThat(onDirective.field("detail")).contains("批示内容").doesNotContain("决定");
    }

    private static JsonNode activeStep(ExpoFlowClient who, String directiveId, String stepKey) {
        return StreamSupport.stream(who.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items")
                .spliterator(), false).filter(item -> item.path("stepKey").asText().equals(stepKey)).findFirst().orElse(null);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(item -> item.path("id").asText()).toList();
    }
}
