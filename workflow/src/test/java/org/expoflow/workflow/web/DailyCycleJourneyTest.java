package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * The office's whole day on one directive, in Chinese, in Chromium. Fushun's invitation list falls overdue and the
 * engine opens the office's 督办逾期单位 step: the coordinator (1366 px) sends a 督办 from it. Fushun's clerk, on a
 * phone (390 px), finds it in the inbox and in the list and replies on 回复督办 (a reply is required). The office
 * gives the overdue step a few more days (set up through the API: a unit asks for a later date only before its
 * deadline, and the overdue step offers no request); before that date the clerk asks for a later one with a reason,
 * the coordinator approves it from the console and the clerk's step shows the new deadline. The clerk does the steps,
 * figures included; the coordinator returns the work to the first step with a reason; the clerk finds it with the
 * reason on top and the form filled in with what was submitted, and the figures kept on the next step; resubmits;
 * the coordinator approves (已同意). A leader (1366 px) convenes the next meeting from the board: its page shows the
 * extension request and its decision; the 督办 (no 通报) is in the brief the leader downloads, as a PDF and a workbook.
 */
@ExpoFlowTest
class DailyCycleJourneyTest extends BrowserJourney {

    private static final String UNIT = "fushun";
    private static final String TITLE = "抚顺邀请关西采购商";
    private static final String CHASE_UP = "邀请名单已逾期，请于今日下班前报送";
    private static final String REPLY = "名单已拟定，正在与日方商会核对，明日上午报送";
    private static final String EXTENSION_REASON = "日方商会春节放假，确认回执需延后两周";
    private static final String LIST = "大阪商工会议所、关西经济联合会 等 40 家";
    private static final String RETURN_REASON = "名单缺少联系人电话，请补充后重报";

    @Test
    void oneDirectiveThroughTheOfficesDayFromItsChaseUpToTheMeetingsBrief() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), UNIT);
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", TITLE, "dueAt", Instant.now().plusSeconds(3).toString(), "unitIds", List.of(UNIT),
                "targets", map("buyersInvited", 50))).field("id");
        String draft = OsakaFixture.firstActiveTask(as(UNIT), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(directiveId, "chaseUpUnit") != null);
        // its grace period over (seconds in the tests), the step is escalated: no timer runs while the office acts
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("coordinator").get("/api/tasks/{t}", draft).body().path("escalatedAt").isTextual());

        // 1. the coordinator, at a desk, sends a 督办 from the office's own step
        atADesk("coordinator");
        open("/tasks/" + activeStep(directiveId, "chaseUpUnit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("督办逾期单位");
        assertThat(browser.findElement(By.id("stepState")).getText()).isEqualTo("待督办");
        assertThat(mainText()).contains("抚顺市", TITLE).as("the office's step speaks to the office").doesNotContain("本单位同事");
        assertThat(new Select(browser.findElement(By.id("value.grade"))).getFirstSelectedOption().getText()).isEqualTo("督办（限期回复）");
        browser.findElement(By.id("value.message")).sendKeys(CHASE_UP);
        assertThat(browser.findElement(By.id("complete")).getText()).isEqualTo("发出督办");
        screenshot("daily-1-chase-up-1366");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已督办，单位将收到提醒并回执");
        String acknowledgement = activeStep(directiveId, "acknowledgeChaseUp");
        assertThat(acknowledgement).as("a 督办 wants the unit's reply").isNotNull();

        // 2. the clerk, on a phone: the 督办 in the inbox and in the list; the reply is required
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        signIn(UNIT);
        open("/inbox");
        assertThat(mainText()).contains("抚顺市 · 拟定邀请名单", CHASE_UP, "打开这一步");
        assertThat(fitsTheScreen()).isTrue();
        screenshot("daily-2-inbox-phone");
        open("/tasks");
        String row = browser.findElement(By.cssSelector("a.task-link[href='/tasks/" + acknowledgement + "']"))
                .findElement(By.xpath("./ancestor::tr")).getText();
        assertThat(row).contains("回复督办", TITLE);
        assertThat(fitsTheScreen()).isTrue();
        screenshot("daily-2-list-phone");
        Browsers.submit(browser, By.cssSelector("a.task-link[href='/tasks/" + acknowledgement + "']"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("回复督办");
        assertThat(browser.findElement(By.id("chaseUpMessage")).getText()).as("what the office asked, above the reply")
                .startsWith("督办内容（").contains(CHASE_UP);
        assertThat(browser.findElement(By.id("chaseUpMessage")).getLocation().getY())
                .isLessThan(browser.findElement(By.id("completeForm")).getLocation().getY());
        assertThat(mainText()).doesNotContain("Acknowledge", "Reply to");
        assertThat(browser.findElements(By.id("progressForm"))).as("a reply reports no progress").isEmpty();
        assertThat(browser.findElements(By.id("claim"))).as("nor is it taken").isEmpty();
        browser.findElement(By.id("complete")).click();
        assertThat(script("return document.getElementById('value.reply').validity.valueMissing")).as("a reply is required")
                .isEqualTo(true);
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).isEqualTo(acknowledgement);
        browser.findElement(By.id("value.reply")).sendKeys(REPLY);
        assertThat(fitsTheScreen()).isTrue();
        screenshot("daily-2-reply-phone");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已提交");
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).isNull();
        open("/tasks/" + draft);
        assertThat(browser.findElements(By.id("extensionForm"))).as("no request for a later date once the deadline passed").isEmpty();
        assertThat(browser.findElement(By.id("extensionTooLate")).getText()).as("and the clerk is told why and whom to ask")
                .contains("期限已过", "请联系督办办公室");

        // 3. the office gives a few days; before them the clerk asks for a later date, the coordinator approves it
        assertThat(as("coordinator").post("/api/tasks/{t}/extend", map("dueOn", "2030-01-20", "reason", "已回复督办，宽限至1月20日"),
                draft).status().value()).isEqualTo(204);
        open("/tasks/" + draft);
        script("document.getElementById('extensionDueOn').value = '2030-02-15'");
        browser.findElement(By.id("extensionReason")).sendKeys(EXTENSION_REASON);
        Browsers.submit(browser, By.id("askExtension"));
        assertThat(mainText()).contains("延期申请已提交");
        assertThat(browser.findElement(By.id("extensionWaiting")).getText()).contains("2030年2月15日", EXTENSION_REASON);
        assertThat(fitsTheScreen()).isTrue();
        script("document.getElementById('extension').scrollIntoView()");
        screenshot("daily-3-extension-asked-phone");

        browser.manage().window().setSize(new Dimension(DESK_WIDTH, DESK_HEIGHT));
        signIn("coordinator");
        open("/console?expoId=" + expoId);
        String requests = browser.findElement(By.cssSelector(".extension-item")).getText();
        assertThat(requests).contains("抚顺市", TITLE, "2030年2月15日", EXTENSION_REASON);
        script("document.getElementById('extensionRequests').scrollIntoView()");
        screenshot("daily-3-extension-console-1366");
        Browsers.submit(browser, By.cssSelector(".extension-item .approve-extension"));
        assertThat(mainText()).contains("已同意延期申请");

        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        signIn(UNIT);
        open("/tasks/" + draft);
        assertThat(browser.findElement(By.cssSelector("main p.meta")).getText()).as("a Chinese colon")
                .contains("期限：2030年2月15日");
        assertThat(mainText()).as("the step's history says so").contains("申请将期限延至", "同意延期申请");
        screenshot("daily-3-new-deadline-phone");

        // 4. the clerk does the steps, figures included; the office returns the work to the first step with a reason
        browser.findElement(By.id("value.invitationList")).sendKeys(LIST);
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已提交");
        String send = activeStep(directiveId, "sendInvitations");
        open("/tasks/" + send);
        browser.findElement(By.id("figure.buyersInvited")).sendKeys("40");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已提交");
        String confirm = activeStep(directiveId, "confirmBuyers");
        open("/tasks/" + confirm);
        browser.findElement(By.id("figure.buyersConfirmed")).sendKeys("12");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已提交");

        browser.manage().window().setSize(new Dimension(DESK_WIDTH, DESK_HEIGHT));
        signIn("coordinator");
        String review = activeStep(directiveId, "reviewInvitations");
        open("/tasks/" + review);
        assertThat(browser.findElement(By.id("submitted")).getText()).contains(LIST, "40家", "50家", "80%", "12家");
        browser.findElement(By.id("value.comment")).sendKeys(RETURN_REASON);
        new Select(browser.findElement(By.id("returnTo"))).selectByVisibleText("拟定邀请名单");
        screenshot("daily-4-return-1366");
        Browsers.submit(browser, By.id("return"));
        assertThat(mainText()).contains("已退回");

        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        signIn(UNIT);
        open("/tasks?filter=returned");
        String returned = activeStep(directiveId, "draftInvitationList");
        Browsers.submit(browser, By.cssSelector("a.task-link[href='/tasks/" + returned + "']"));
        assertThat(browser.findElement(By.id("returnReason")).getText()).startsWith("退回意见：").contains(RETURN_REASON);
        assertThat(browser.findElement(By.id("returnReason")).getLocation().getY()).as("the reason on top")
                .isLessThan(browser.findElement(By.id("completeForm")).getLocation().getY());
        assertThat(browser.findElement(By.id("lastSubmission")).getText()).contains("已填入上次提交的内容");
        assertThat(browser.findElement(By.id("value.invitationList")).getAttribute("value")).isEqualTo(LIST);
        assertThat(fitsTheScreen()).isTrue();
        screenshot("daily-4-returned-phone");
        browser.findElement(By.id("value.invitationList")).sendKeys("，均附联系人电话");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已提交");
        String sendAgain = activeStep(directiveId, "sendInvitations");
        open("/tasks/" + sendAgain);
        assertThat(browser.findElement(By.id("figure.buyersInvited")).getAttribute("value")).as("the figure kept").isEqualTo("40");
        assertThat(browser.findElement(By.id("lastSubmission")).getText()).contains("已填入上次提交的内容", "请核对后再提交");
        assertThat(fitsTheScreen()).isTrue();
        screenshot("daily-4-figure-kept-phone");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已提交");
        String confirmAgain = activeStep(directiveId, "confirmBuyers");
        open("/tasks/" + confirmAgain);
        assertThat(browser.findElement(By.id("figure.buyersConfirmed")).getAttribute("value")).as("the figure kept").isEqualTo("12");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已提交");

        // 5. the coordinator approves
        browser.manage().window().setSize(new Dimension(DESK_WIDTH, DESK_HEIGHT));
        signIn("coordinator");
        String secondReview = activeStep(directiveId, "reviewInvitations");
        open("/tasks/" + secondReview);
        assertThat(browser.findElement(By.id("submitted")).getText()).contains(LIST + "，均附联系人电话", "第 2 次提交");
        Browsers.submit(browser, By.id("approve"));
        assertThat(mainText()).contains("已同意");
        assertThat(activeStep(directiveId, "reviewInvitations")).isNull();

        // 6. a leader convenes the next meeting from the board, reads its page and downloads its brief
        signIn("leader");
        open("/board?expoId=" + expoId);
        browser.findElement(By.id("meetingTitle")).sendKeys("第二次筹备调度会");
        Browsers.submit(browser, By.id("convene"));
        assertThat(mainText()).contains("会议已召开");
        Browsers.submit(browser, By.linkText("第二次筹备调度会"));
        String extensions = browser.findElement(By.id("briefExtensions")).getText();
        assertThat(extensions).contains("延期申请", "抚顺市", TITLE, "2030年2月15日", EXTENSION_REASON, "已同意");
        assertThat(browser.findElement(By.id("changesByUnit")).getText()).as("a step redone after the return, said once")
                .contains("新下达 4 项：" + TITLE + " · 拟定邀请名单（2次）；").contains("完成 4 项：");
        assertThat(browser.findElement(By.id("briefFigures")).getText()).as("a figure the office set no target for says so")
                .contains("确认参会采购商（家） 12家 未设目标");
        assertThat(browser.findElements(By.id("briefNotified"))).as("a 督办 names no unit: only a 通报 does").isEmpty();
        assertThat(browser.findElement(By.id("briefChaseUps")).getText()).as("the 督办 on the meeting's page, with the reply")
                .contains("已督办", "抚顺市", TITLE, CHASE_UP, "单位回复：" + REPLY);
        assertThat(fitsTheScreen()).isTrue();
        screenshot("daily-6-meeting-1366");
        script("document.getElementById('briefExtensions').scrollIntoView()");
        screenshot("daily-6-meeting-extensions-1366");

        String pdfLink = browser.findElement(By.linkText("pdf")).getAttribute("href");
        try (PDDocument brief = Loader.loadPDF(download(pdfLink))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String summary = stripper.getText(brief).replaceAll("\\s*\\n\\s*", "");
            assertThat(summary).contains("催办0次、督办1次、通报0次；需回复的1次中，已回复1次")
                    .contains("抚顺市就“" + TITLE + " · 拟定邀请名单”申请延期至", EXTENSION_REASON);
            ImageIO.write(new PDFRenderer(brief).renderImageWithDPI(0, 110), "png",
                    Browsers.SCREENSHOTS.resolve("daily-6-brief-page-1.png").toFile());
        }
        try (XSSFWorkbook brief = new XSSFWorkbook(new ByteArrayInputStream(download(
                browser.findElement(By.linkText("xlsx")).getAttribute("href"))))) {
            List<String> chaseUps = new ArrayList<>();
            DataFormatter format = new DataFormatter();
            brief.getSheet("催办、督办和通报明细").forEach(each -> each.forEach(cell -> chaseUps.add(format.formatCellValue(cell))));
            assertThat(chaseUps).contains("抚顺市", TITLE, "督办", CHASE_UP, REPLY);
        }
    }
}
