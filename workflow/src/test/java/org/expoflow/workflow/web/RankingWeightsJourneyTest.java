package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office weighs the ranking on its page, on a desk's screen and on a phone, in Chinese: a weight out of range is
 * shown at its field with what was typed; saved weights reorder the units at once. The notice's PDF and Word links
 * lead through the pages' own door. A leader reads the weights and gets no form.
 */
@ExpoFlowTest
class RankingWeightsJourneyTest {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOfficeWeighsTheRankingOnItsPage() throws Exception {
        String base = "http://localhost:" + port;
        ExpoFlowClient coordinator = ExpoFlowClient.as(base, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian", "shenfu");
        String directive = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title",
                "邀请日本采购商参会洽谈", "dueOn", "2030-02-01", "unitIds", List.of("shenyang", "dalian", "shenfu"),
                "targets", map("buyersInvited", 50))).field("id");
        // 沈阳 does every step and invites all its buyers, but has one sent back; 大连 does its first step only
        ExpoFlowClient shenyang = ExpoFlowClient.as(base, "shenyang");
        for (Object done : List.of(map("values", map("invitationList", "大阪商工会议所 等 40 家")),
                map("figures", map("buyersInvited", 50)), map("figures", map("buyersConfirmed", 20)))) {
            shenyang.post("/api/tasks/{t}/complete", done, OsakaFixture.firstActiveTask(shenyang, directive));
        }
        String review = null;
        for (var task : coordinator.get("/api/tasks?directiveId={d}&status=ACTIVE&size=100", directive).body().path("items")) {
            if (task.path("unitId").asText().equals("shenyang") && task.path("stepKey").asText().equals("reviewInvitations")) {
                review = task.path("id").asText();
            }
        }
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "确认人数有误",
                "returnTo", "confirmBuyers"), review).status().value()).isEqualTo(204);
        shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 18)),
                OsakaFixture.firstActiveTask(shenyang, directive));
        ExpoFlowClient dalian = ExpoFlowClient.as(base, "dalian");
        dalian.post("/api/tasks/{t}/complete", map("values", map("invitationList", "关西经济联合会")),
                OsakaFixture.firstActiveTask(dalian, directive));

        for (int width : new int[] {1366, 390}) {
            browser = Browsers.chromium("zh-CN", width, width == 390 ? 844 : 900);
            Browsers.signIn(browser, port, "coordinator");
            browser.get(base + "/board/" + expoId + "/ranking");
            assertThat(rows()).first().asString().contains("沈阳市");
            assertThat(browser.findElement(By.id("rankingNotice")).getAttribute("href"))
                    .contains("/board/" + expoId + "/ranking/notice").contains("format=pdf");
            assertThat(browser.findElement(By.id("rankingNoticeWord")).getAttribute("href")).contains("format=docx");
            Browsers.screenshot(browser, "ranking-weights-" + width + "-zh-top");

            WebElement figures = browser.findElement(By.id("weight-figures"));
            figures.clear();
            figures.sendKeys("0");
            WebElement onTime = browser.findElement(By.id("weight-onTime"));
            // past the browser's own check, as a form sent without it would be
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].form.noValidate = true;", onTime);
            onTime.clear();
            onTime.sendKeys("120");
            Browsers.submit(browser, By.id("saveWeights"));
            assertThat(browser.findElement(By.id("weight-onTime-error")).getText()).contains("按时完成权重").contains("0 到 100");
            assertThat(browser.findElement(By.id("weight-onTime")).getAttribute("value")).isEqualTo("120");
            Browsers.screenshot(browser, "ranking-weights-" + width + "-zh-refused");

            onTime = browser.findElement(By.id("weight-onTime"));
            onTime.clear();
            onTime.sendKeys("30");
            Browsers.submit(browser, By.id("saveWeights"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("权重已保存").contains("指标完成 0")
                    .doesNotContain("onTime").doesNotContain("weights");
            assertThat(rows()).first().asString().as("大连, all on time, leads without the figures").contains("大连市");
            Browsers.screenshot(browser, "ranking-weights-" + width + "-zh-saved");

            // back to the defaults for the next screen
            coordinator.put("/api/expos/{e}/ranking/weights", map("onTime", 30, "daysLate", 20, "chaseUps", 15, "returns", 10,
                    "reports", 10, "figures", 15), expoId);
            browser.quit();
            browser = null;
        }

        browser = Browsers.chromium("zh-CN", 390, 844);
        Browsers.signIn(browser, port, "leader");
        browser.get(base + "/board/" + expoId + "/ranking");
        assertThat(browser.findElements(By.id("weightsForm"))).isEmpty();
        assertThat(browser.findElement(By.id("weights")).getText()).contains("评分权重").contains("由督办处 王明");
        Browsers.screenshot(browser, "ranking-weights-390-zh-leader");
    }

    private List<String> rows() {
        return browser.findElements(By.cssSelector("#ranking tbody tr")).stream().map(WebElement::getText).toList();
    }
}
