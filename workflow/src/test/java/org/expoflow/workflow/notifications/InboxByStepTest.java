package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The inbox says what was true when a notice was sent (a later extension does not re-word it), groups the notices
 * by step under the step's name with a link to it, and marks all read at once, on the API and the page.
 */
@ExpoFlowTest
class InboxByStepTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void aNoticeKeepsTheDeadlineItWasSentUnderAndTheInboxIsGroupedAndAllReadAtOnce() throws Exception {
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "liaoyang"),
                "liaoyang");
        String step = OsakaFixture.firstActiveTask(as("liaoyang"), directiveId);
        String sentText = newStep(as("liaoyang"), step).path("text").asText();
        assertThat(sentText).contains("期限");

        assertThat(as("coordinator").post("/api/tasks/{t}/extend", map("dueOn", "2030-02-15", "reason", "春节期间外贸机构休假"),
                step).status().value()).isEqualTo(204);

        JsonNode notice = newStep(as("liaoyang"), step);
        assertThat(notice.path("text").asText()).as("worded as sent, not with today's deadline").isEqualTo(sentText)
                .doesNotContain("2030年2月15日");

        PageSession clerk = PageSession.signedIn("http://localhost:" + port, "liaoyang");
        String inbox = clerk.get("/inbox");
        assertThat(inbox).contains("id=\"inbox-" + step + "\"", "href=\"/tasks/" + step + "\"", "全部已读");

        assertThat(as("liaoyang").get("/api/inbox/unread-count").body().path("unread").asLong()).isPositive();
        JsonNode marked = as("liaoyang").post("/api/inbox/read-all", null).body();
        assertThat(marked.path("marked").asInt()).isPositive();
        assertThat(as("liaoyang").get("/api/inbox/unread-count").body().path("unread").asLong()).isZero();
        assertThat(StreamSupport.stream(as("liaoyang").get("/api/inbox").body().spliterator(), false))
                .allMatch(item -> item.path("read").asBoolean() && item.path("readAt").isTextual());
        assertThat(as("shenyang").get("/api/inbox/unread-count").body().path("unread").asLong())
                .as("another's inbox is untouched").isPositive();
        assertThat(clerk.get("/inbox")).doesNotContain("全部已读");
    }

    private static JsonNode newStep(ExpoFlowClient clerk, String step) {
        return StreamSupport.stream(clerk.get("/api/inbox").body().spliterator(), false)
                .filter(item -> item.path("notice").asText().equals("NEW_STEP") && item.path("taskId").asText().equals(step))
                .findFirst().orElseThrow();
    }
}
