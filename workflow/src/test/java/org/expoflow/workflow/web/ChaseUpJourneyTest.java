package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A chase-up in Chinese, in Chromium: the clerk on a phone (390 px) finds the 督办 in the inbox, grouped by step,
 * opens it, is refused an empty reply and replies; the office (1366 px) sees on the step that the unit read it
 * (已读, when) and what it replied; the clerk marks the rest of the inbox read at once.
 */
@ExpoFlowTest
class ChaseUpJourneyTest extends BrowserJourney {

    @Test
    void theClerkRepliesToAChaseUpOnAPhoneAndTheOfficeSeesItReadAndTheReply() throws IOException {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "huludao");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "葫芦岛邀请关西采购商", "dueAt", Instant.now().plusSeconds(3).toString(),
                "unitIds", List.of("huludao"))).field("id");
        String step = OsakaFixture.firstActiveTask(as("huludao"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(directiveId, "chaseUpUnit") != null);
        atADesk("coordinator");
        open("/tasks/" + activeStep(directiveId, "chaseUpUnit"));
        assertThat(browser.findElement(By.id("stepState")).getText()).as("the office's chase-up is no review").isEqualTo("待督办");
        browser.quit();
        as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "请于今日下班前报送邀请名单"), step);
        String acknowledgement = activeStep(directiveId, "acknowledgeChaseUp");

        onAPhone("huludao");
        open("/inbox");
        String inbox = mainText();
        assertThat(inbox).contains("全部已读", "葫芦岛市 · 拟定邀请名单", "请于今日下班前报送邀请名单", "打开这一步");
        assertThat(browser.findElements(By.cssSelector("section.inbox-group"))).isNotEmpty();
        assertThat(fitsTheScreen()).isTrue();
        screenshot("chase-up-inbox-phone");

        // the chase-up's notice, opened (read), leads to the step; the reply is on the acknowledgement's page
        String chaseUpNotice = StreamSupport.stream(as("huludao").get("/api/inbox").body().spliterator(), false)
                .filter(item -> item.path("notice").asText().equals("CHASED_UP")).findFirst().orElseThrow().path("id").asText();
        Browsers.submit(browser, By.id("open-" + chaseUpNotice));
        open("/tasks/" + acknowledgement);
        String page = mainText();
        assertThat(page).contains("回复督办", "回复内容").doesNotContain("Acknowledge", "Reply to the expo office");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('value.reply').removeAttribute('required')");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("回复内容");
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).as("an empty reply is refused").isEqualTo(acknowledgement);
        browser.findElement(By.id("value.reply")).sendKeys("名单已拟定，今天17点前报送");
        screenshot("chase-up-reply-phone");
        Browsers.submit(browser, By.id("complete"));
        // what the clerk was told first: a failure here shows the page's own words
        assertThat(mainText()).as("the reply's confirmation").contains("任务已提交");
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).isNull();

        open("/inbox");
        Browsers.submit(browser, By.id("read-all"));
        assertThat(mainText()).contains("全部消息已标为已读").doesNotContain("未读");
        screenshot("chase-up-inbox-all-read-phone");

        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("coordinator");
        open("/tasks/" + step);
        String receipts = browser.findElement(By.id("receipts")).getText();
        assertThat(receipts).contains("督办与通知的阅读情况", "已读", "名单已拟定，今天17点前报送", "请于今日下班前报送邀请名单");
        assertThat(mainText()).contains("回复督办：名单已拟定，今天17点前报送")
                .doesNotContain("Chase the unit up", "已确认催办");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('receipts').scrollIntoView()");
        screenshot("chase-up-office-receipts");
    }
}
