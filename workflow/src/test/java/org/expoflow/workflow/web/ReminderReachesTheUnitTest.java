package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reminder from the moment it is sent until its unit reads it, through the pages: the office gives Jinzhou a
 * step, Jinzhou's clerk sees the unread count on every page, reads the message in the inbox, opens it and
 * lands on the step, and the message is read from then on.
 */
@ExpoFlowTest
class ReminderReachesTheUnitTest {

    private static final Pattern UNREAD = Pattern.compile("id=\"unreadCount\"[^>]*>(\\d+)<");

    @LocalServerPort
    int port;

    @Test
    void aNewStepIsUnreadOnEveryPageUntilTheClerkOpensIt() throws Exception {
        String base = "http://localhost:" + port;
        PageSession jinzhou = PageSession.signedIn(base, "jinzhou");
        int before = unread(jinzhou.get("/tasks"));
        ExpoFlowClient coordinator = ExpoFlowClient.as(base, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "jinzhou"), "jinzhou");
        String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as(base, "jinzhou"), directiveId);

        assertThat(unread(jinzhou.get("/tasks"))).as("the count on the task list").isEqualTo(before + 1);
        String inbox = jinzhou.get("/inbox");
        assertThat(unread(inbox)).as("the count on the inbox").isEqualTo(before + 1);
        assertThat(inbox).contains("锦州市：新任务“拟定邀请名单”");

        JsonNode message = StreamSupport.stream(ExpoFlowClient.as(base, "jinzhou").get("/api/inbox").body().spliterator(), false)
                .filter(item -> item.path("taskId").asText().equals(taskId)).findFirst().orElseThrow();
        String step = jinzhou.post("/inbox", "/inbox/" + message.path("id").asText() + "/read");
        assertThat(step).as("opening the message shows its step").contains("<h1>拟定邀请名单</h1>");
        assertThat(unread(step)).isEqualTo(before);
        assertThat(StreamSupport.stream(ExpoFlowClient.as(base, "jinzhou").get("/api/inbox").body().spliterator(), false)
                .filter(item -> item.path("id").asText().equals(message.path("id").asText())).findFirst().orElseThrow()
                .path("read").asBoolean()).isTrue();
    }

    private static int unread(String page) {
        Matcher count = UNREAD.matcher(page);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }
}
