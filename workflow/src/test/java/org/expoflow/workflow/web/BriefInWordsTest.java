package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The meeting page says what changed unit by unit, in sentences with the steps' Chinese names, and the console's
 * overdue list names its steps in Chinese too: no BPMN name in English on either.
 */
@ExpoFlowTest
class BriefInWordsTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void theChangesSinceTheLastMeetingAreToldUnitByUnitInChinese() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "liaoyang", "tieling");
        OsakaFixture.inviteBuyers(as("coordinator"), expoId, "liaoyang", "tieling");
        String meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "第一次调度会",
                "heldAt", Instant.now().toString())).field("id");

        String page = PageSession.signedIn("http://localhost:" + port, "leader").get("/meetings/" + meetingId);

        assertThat(page).contains("id=\"changesByUnit\"").contains("辽阳市").contains("铁岭市")
                .contains("新下达 1 项：Invite · 拟定邀请名单").doesNotContain("Draft the invitation list");
    }

    @Test
    void theConsolesOverdueListNamesItsStepsInChinese() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "panjin");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "今晚前邀请", "dueAt", Instant.now().plusSeconds(2).toString(), "unitIds", List.of("panjin"))).field("id");
        String step = OsakaFixture.firstActiveTask(as("panjin"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("coordinator").get("/api/expos/{e}/overdue", expoId).body()
                .path("items").findValuesAsText("taskId").contains(step));

        String console = PageSession.signedIn("http://localhost:" + port, "coordinator").get("/console?expoId=" + expoId);

        assertThat(console).contains("拟定邀请名单").doesNotContain("Draft the invitation list");
        // the test leaves no timer behind it: the step is escalated after its grace period
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("coordinator").get("/api/tasks/{t}", step).body().path("escalatedAt").isTextual());
    }
}
