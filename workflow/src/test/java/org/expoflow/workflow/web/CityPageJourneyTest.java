package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A leader at a meeting-room screen (1366 px, Chinese) clicks 沈阳市's cell on the board, a directive it has done part
 * of, and lands on 沈阳市's page at that directive: its state, its open step (which opens the step itself), its figures
 * against the target and its history, all in Chinese. The ranking is a link away. A clerk of another unit is refused
 * the page (403); 沈阳市's own clerk reads it.
 */
@ExpoFlowTest
class CityPageJourneyTest {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aLeaderClicksABoardCellAndLandsOnTheCityPage() throws Exception {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        String directive = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title",
                "邀请日本采购商参会洽谈", "dueOn", "2030-02-01", "unitIds", List.of("shenyang", "dalian"),
                "targets", map("buyersInvited", 50))).field("id");
        ExpoFlowClient shenyang = ExpoFlowClient.as(base(), "shenyang");
        shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "大阪商工会议所 等 40 家")),
                OsakaFixture.firstActiveTask(shenyang, directive));
        shenyang.post("/api/tasks/{t}/progress", map("percent", 60, "note", "已发出邀请 30 家", "figures", map("buyersInvited", 30)),
                OsakaFixture.firstActiveTask(shenyang, directive));

        browser = Browsers.chromium("zh-CN", 1366, 900);
        Browsers.signIn(browser, port, "leader");
        browser.get(base() + "/board?expoId=" + expoId);
        browser.findElement(By.xpath("//table[@id='board']//tr[th//span[@class='full-name' and text()='沈阳市']]//a[contains(@class,'status')]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/units/shenyang"));

        assertThat(browser.getCurrentUrl()).contains("expoId=" + expoId).endsWith("#d-" + directive);
        assertThat(browser.findElement(By.id("cityName")).getText()).isEqualTo("沈阳市");
        String directives = browser.findElement(By.id("cityDirectives")).getText();
        assertThat(directives).contains("邀请日本采购商参会洽谈").contains("推进中").contains("60%");
        assertThat(browser.findElement(By.id("cityFigures")).getText()).contains("30").contains("50").contains("完成").contains("目标");
        assertThat(browser.findElement(By.id("cityHistory")).getText()).contains("邀请日本采购商参会洽谈")
                .as("the next step is the process's hand-over, not the clerk's").contains("上一环节办结，转入“发出邀请")
                .doesNotContain("沈阳市将");
        assertThat(browser.findElement(By.id("city-overdue")).getText()).contains("逾期环节").contains("暂无");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("no code keys, no English for a Chinese reader")
                .doesNotContain("buyersInvited").doesNotContain("sendInvitations").doesNotContain("Send invitations");
        Browsers.screenshot(browser, "city-page-1366-zh");

        String step = OsakaFixture.firstActiveTask(shenyang, directive);
        browser.findElement(By.cssSelector("#d-" + directive + " a.step-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/tasks/" + step));

        browser.get(base() + "/board?expoId=" + expoId);
        browser.findElement(By.id("rankingLink")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ranking"));
        assertThat(browser.findElement(By.id("ranking")).getText()).contains("沈阳市").contains("大连市").contains("得分");
        Browsers.screenshot(browser, "ranking-1366-zh");
    }

    @Test
    void aCityOfManyDirectivesShowsTheNewestAndOpensAtTheOneItsBoardCellNames() throws IOException, InterruptedException {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        List<String> issued = new java.util.ArrayList<>();
        for (int n = 1; n <= 22; n++) {
            issued.add(coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title",
                    "第" + n + "批采购商邀请", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"))).field("id"));
        }
        String forDalianOnly = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title",
                "大连专项邀请", "dueOn", "2030-02-01", "unitIds", List.of("dalian"))).field("id");
        PageSession leader = PageSession.signedIn(base(), "leader");

        String newest = leader.get("/units/shenyang?expoId=" + expoId);
        assertThat(newest).contains("id=\"cityPager\"").contains("id=\"d-" + issued.get(21) + "\"")
                .contains("id=\"d-" + issued.get(2) + "\"").doesNotContain("id=\"d-" + issued.get(1) + "\"")
                .doesNotContain("id=\"d-" + forDalianOnly + "\"").contains("第 1 页，共 2 页（22 项督办事项）");

        String atTheFirst = leader.get("/units/shenyang?expoId=" + expoId + "&directive=" + issued.get(0));
        assertThat(atTheFirst).as("the board's cell of the oldest directive opens the page that holds it")
                .contains("id=\"d-" + issued.get(0) + "\"").contains("id=\"d-" + issued.get(1) + "\"")
                .doesNotContain("id=\"d-" + issued.get(21) + "\"").contains("第 2 页，共 2 页");
        assertThat(leader.get("/board?expoId=" + expoId)).contains("directive=" + issued.get(21));
        String boardsSecondPage = leader.get("/board?expoId=" + expoId + "&page=1");
        assertThat(boardsSecondPage).as("a cell on the board's second page says where the leader came from")
                .contains("directive=" + issued.get(0) + "&amp;boardPage=1");
        assertThat(leader.get("/units/shenyang?expoId=" + expoId + "&directive=" + issued.get(0) + "&boardPage=1"))
                .as("返回看板 goes back to the board's page the leader came from")
                .containsPattern("id=\"backToBoard\" href=\"/board\\?expoId=" + expoId + "&amp;page=1\"");
        assertThat(newest.indexOf("id=\"d-" + issued.get(21) + "\"")).as("the newest directive first")
                .isLessThan(newest.indexOf("id=\"d-" + issued.get(20) + "\""));
        assertThat(newest).contains("id=\"cityPagerBelow\"");
        assertThat(leader.get("/units/shenyang?expoId=" + expoId + "&page=5")).as("a page past the last shows the last")
                .contains("第 2 页，共 2 页").contains("id=\"d-" + issued.get(0) + "\"");
    }

    @Test
    void aClerkSeesItsOwnCityAndIsRefusedAnother() throws IOException, InterruptedException {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang", "dalian");
        PageSession dalian = PageSession.signedIn(base(), "dalian");
        assertThat(dalian.status("/units/shenyang?expoId=" + expoId)).isEqualTo(403);
        assertThat(dalian.get("/units/shenyang?expoId=" + expoId)).doesNotContain("cityDirectives").doesNotContain("沈阳市");
        assertThat(dalian.status("/units/dalian?expoId=" + expoId)).isEqualTo(200);
        assertThat(dalian.get("/units/dalian?expoId=" + expoId)).contains("大连市").contains("id=\"cityDirectives\"");
    }
}
