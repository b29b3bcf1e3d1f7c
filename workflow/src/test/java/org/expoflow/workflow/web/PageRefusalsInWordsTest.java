package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The refusals a clerk, a coordinator or a leader can meet on the pages and the API's list parameters read as
 * sentences in Chinese: a progress report without its percent, a figure that is no number, a board asked for a
 * moment to come, a list sorted or filtered by what it does not know.
 */
@ExpoFlowTest
class PageRefusalsInWordsTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aClerksProgressReportIsRefusedInChinese() throws Exception {
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "benxi"), "benxi");
        String step = OsakaFixture.firstActiveTask(as("benxi"), directiveId);
        PageSession clerk = PageSession.signedIn("http://localhost:" + port, "benxi");

        String noPercent = clerk.post("/tasks/" + step, "/tasks/" + step + "/progress", "percent", "", "note", "在办");
        String notANumber = clerk.post("/tasks/" + step, "/tasks/" + step + "/progress", "percent", "30",
                "figure.buyersInvited", "十二");

        assertThat(noPercent).contains("请填写完成百分比（0 到 100）").doesNotContain("give the percent");
        assertThat(notANumber).contains("“十二”不是数字").doesNotContain("is not a number");
    }

    @Test
    void aBoardAskedForAMomentToComeSaysSoInChinese() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "dandong");
        PageSession leader = PageSession.signedIn("http://localhost:" + port, "leader");
        String tomorrow = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withNano(0).withSecond(0).toString();

        assertThat(leader.get("/board?expoId=" + expoId + "&asOf=" + tomorrow)).contains("尚未到来").doesNotContain("in the future");
        assertThat(leader.get("/board?expoId=" + expoId + "&asOf=yesterday")).contains("“yesterday”不是日期");
    }

    @Test
    void theListsParametersAreRefusedInWordsNamingTheField() {
        ExpoFlowClient chinese = as("coordinator").withHeader("Accept-Language", "zh-CN");

        ExpoFlowClient.Answer sort = chinese.get("/api/tasks?sort=colour");
        ExpoFlowClient.Answer status = chinese.get("/api/tasks?status=LOST");

        assertThat(sort.status().value()).isEqualTo(400);
        assertThat(sort.field("field")).isEqualTo("sort");
        assertThat(sort.field("detail")).contains("“colour”不能用于排序");
        assertThat(status.field("field")).isEqualTo("status");
        assertThat(status.field("detail")).contains("没有“LOST”这种状态");
    }
}
