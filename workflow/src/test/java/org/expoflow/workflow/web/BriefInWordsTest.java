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
 * overdue list names its steps in Chinese too: no BPMN name in English on either. From that list the office asks
 * another unit to co-operate on a late step.
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
        assertThat(page).as("the board and the figures as they stood at the meeting").contains("id=\"briefBoard\"")
                .contains("id=\"board\"").contains("未开始").contains("id=\"briefFigures\"").contains("邀请采购商");
    }

    @Test
    void theConsolesOverdueListNamesItsStepsInChinese() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "panjin", "yingkou");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "今晚前邀请", "dueAt", Instant.now().plusSeconds(2).toString(), "unitIds", List.of("panjin"))).field("id");
        String step = OsakaFixture.firstActiveTask(as("panjin"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("coordinator").get("/api/expos/{e}/overdue", expoId).body()
                .path("items").findValuesAsText("taskId").contains(step));

        PageSession office = PageSession.signedIn("http://localhost:" + port, "coordinator");
        String console = office.get("/console?expoId=" + expoId);

        assertThat(console).contains("拟定邀请名单").doesNotContain("Draft the invitation list");
        assertThat(office.post("/console?expoId=" + expoId, "/console/" + expoId + "/tasks/" + step + "/cooperating-units",
                "unitId", "yingkou")).as("the office asks another unit to help from the overdue list").contains("已增加协办单位");
        assertThat(as("coordinator").get("/api/tasks/{t}", step).body().path("cooperatingUnits").toString()).contains("yingkou");
        // the test leaves no timer behind it: the step is escalated after its grace period
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("coordinator").get("/api/tasks/{t}", step).body().path("escalatedAt").isTextual());
    }
}
