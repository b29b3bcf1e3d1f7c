package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

/**
 * A return for rework in Chinese, in Chromium. Shenyang has sent its invitations: 40 buyers invited against a target
 * of 50, 12 confirmed, the signed list as a PDF and the sign-in sheet as a photo. The coordinator, at 1366 px, reads
 * the figures against their targets, opens the photo in the browser (on record), is stopped at the field when
 * returning without a reason, and returns the work to 确认参会采购商 with one. A leader on that step of the city
 * sees 批示 and no 提交完成. Shenyang's clerk, on a phone, finds the step with the reason on top and the last
 * submission filled in, its files still its evidence; a refused progress report comes back with every value and every
 * fault under its field; the clerk resubmits, then sees the office's review as a state without its buttons. The
 * coordinator sees all the evidence in the new review and approves without a comment.
 */
@ExpoFlowTest
class ReturnJourneyTest extends BrowserJourney {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String REASON = "确认到会的客商只有 12 家，请核实名单后重报";

    @Override
    ExpoFlowClient as(String user) {
        return super.as(user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void theOfficeReturnsToAChosenStepWithItsReasonAndTheClerkResubmitsOnAPhone() throws IOException {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "shenyang");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "邀请关西采购商", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"),
                "targets", map("buyersInvited", 50, "buyersConfirmed", 30))).field("id");
        ExpoFlowClient shenyang = as("shenyang");
        shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "大阪商工会议所 等 40 家")),
                OsakaFixture.firstActiveTask(shenyang, directiveId));
        shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 40)), OsakaFixture.firstActiveTask(shenyang, directiveId));
        String confirm = OsakaFixture.firstActiveTask(shenyang, directiveId);
        OsakaFixture.attach(url(""), "shenyang", confirm, "邀请名单.pdf", MediaType.APPLICATION_PDF, PDF);
        String photo = OsakaFixture.attach(url(""), "shenyang", confirm, "签到表.png", MediaType.IMAGE_PNG, png()).path("id").asText();
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 12)), confirm).status().value())
                .isEqualTo(204);
        String review = OsakaFixture.firstActiveTask(as("coordinator"), directiveId);

        // the coordinator reads the evidence, figures against their targets, and opens the photo in the browser
        atADesk("coordinator");
        open("/tasks/" + review);
        String submitted = browser.findElement(By.id("submitted")).getText();
        assertThat(submitted).contains("邀请名单.pdf", "签到表.png", "大阪商工会议所 等 40 家", "目标（本单位）")
                .contains("40家", "50家", "80%", "12家", "30家", "40%");
        screenshot("return-review-evidence");
        String reviewWindow = browser.getWindowHandle();
        browser.findElement(By.partialLinkText("签到表.png")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getWindowHandles().size() == 2);
        browser.getWindowHandles().stream().filter(handle -> !handle.equals(reviewWindow)).findFirst()
                .ifPresent(handle -> browser.switchTo().window(handle));
        assertThat(browser.getCurrentUrl()).endsWith("/tasks/" + confirm + "/attachments/" + photo);
        assertThat(script("return document.contentType")).as("the photo opens as a picture, in the browser").isEqualTo("image/png");
        assertThat(browser.findElements(By.tagName("img"))).hasSize(1);
        browser.close();
        browser.switchTo().window(reviewWindow);
        WebElement pdf = browser.findElement(By.partialLinkText("邀请名单.pdf"));
        assertThat(pdf.getAttribute("target")).isEqualTo("_blank");
        assertThat((String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.headers.get('Content-Type') + ' ' + r.headers.get('Content-Disposition')))",
                pdf.getAttribute("href"))).as("the PDF opens in the browser, not as a download").startsWith("application/pdf inline");
        assertThat(as("coordinator").get("/api/tasks/{t}", confirm).body().path("history").findValuesAsText("type"))
                .contains("AttachmentOpened");

        // an empty reason is refused at the field, by the browser and, past it, by the application
        assertThat(browser.findElement(By.id("commentHint")).getText()).contains("退回修改时必须写明理由");
        new Select(browser.findElement(By.id("returnTo"))).selectByValue("confirmBuyers");
        browser.findElement(By.id("return")).click();
        assertThat(script("return document.getElementById('value.comment').validity.valueMissing")).isEqualTo(true);
        assertThat(browser.getCurrentUrl()).endsWith("/tasks/" + review);
        script("document.getElementById('value.comment').removeAttribute('required')");
        Browsers.submit(browser, By.id("return"));
        assertThat(fieldErrorAfter("value.comment")).as("the fault under the reason's field").contains("退回的理由");
        assertThat(as("coordinator").get("/api/tasks/{t}", review).body().path("status").asText()).isEqualTo("OPEN");
        script("document.getElementById('value.comment').scrollIntoView({block: 'center'})");
        screenshot("return-reason-refused");
        browser.findElement(By.id("value.comment")).sendKeys(REASON);
        new Select(browser.findElement(By.id("returnTo"))).selectByValue("confirmBuyers");
        Browsers.submit(browser, By.id("return"));
        assertThat(mainText()).contains("已退回");
        String returned = OsakaFixture.firstActiveTask(shenyang, directiveId);
        assertThat(shenyang.get("/api/tasks/{t}", returned).body().path("stepKey").asText()).isEqualTo("confirmBuyers");

        // a leader on the city's step: an instruction (批示), no button of the unit's
        signIn("leader");
        open("/tasks/" + returned);
        assertThat(mainText()).contains("批示").doesNotContain("提交完成", "保存进展", "领取任务");
        assertThat(browser.findElements(By.id("complete"))).isEmpty();
        script("document.getElementById('comments').scrollIntoView()");
        screenshot("return-leader-on-city-step");

        // the clerk, on a phone: the returned step, the reason on top, the last submission filled in, its files kept
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn("shenyang");
        open("/tasks?filter=returned");
        assertThat(mainText()).contains("邀请关西采购商", "确认参会采购商");
        screenshot("return-clerk-list-phone");
        Browsers.submit(browser, By.cssSelector("a.task-link[href='/tasks/" + returned + "']"));
        assertThat(browser.findElement(By.id("returnReason")).getText()).contains(REASON);
        assertThat(browser.findElement(By.id("returnReason")).getLocation().getY())
                .isLessThan(browser.findElement(By.id("completeForm")).getLocation().getY());
        assertThat(browser.findElement(By.id("figure.buyersConfirmed")).getAttribute("value")).isEqualTo("12");
        assertThat(browser.findElement(By.id("evidence")).getText()).contains("邀请名单.pdf", "签到表.png", "之前提交");
        assertNoSidewaysScroll();
        screenshot("return-clerk-returned-step-phone");

        // a refused progress report keeps every value, every fault under its field
        script("document.getElementById('note').removeAttribute('maxlength');"
                + "document.getElementById('note').value = '进'.repeat(4001);");
        browser.findElement(By.id("percent")).clear();
        browser.findElement(By.id("percent")).sendKeys("60");
        browser.findElement(By.id("problems")).sendKeys("部分客商签证未办妥");
        browser.findElement(By.id("suggestions")).sendKeys("请协调领馆");
        browser.findElement(By.id("progress.buyersConfirmed")).sendKeys("-3");
        Browsers.submit(browser, By.id("saveProgress"));
        assertThat(browser.findElement(By.id("percent")).getAttribute("value")).isEqualTo("60");
        assertThat(browser.findElement(By.id("note")).getAttribute("value")).hasSize(4001);
        assertThat(browser.findElement(By.id("problems")).getAttribute("value")).isEqualTo("部分客商签证未办妥");
        assertThat(browser.findElement(By.id("suggestions")).getAttribute("value")).isEqualTo("请协调领馆");
        assertThat(browser.findElement(By.id("progress.buyersConfirmed")).getAttribute("value")).isEqualTo("-3");
        assertThat(fieldErrorAfter("note")).contains("不超过 4,000 字");
        assertThat(fieldErrorAfter("progress.buyersConfirmed")).contains("确认参会采购商");
        assertThat(browser.findElements(By.cssSelector("#progressForm .field-error"))).hasSize(2);
        assertNoSidewaysScroll();
        script("document.getElementById('progressForm').scrollIntoView()");
        screenshot("return-progress-refused-phone");

        WebElement confirmed = browser.findElement(By.id("figure.buyersConfirmed"));
        confirmed.clear();
        confirmed.sendKeys("28");
        Browsers.submit(browser, By.id("complete"));
        assertThat(mainText()).contains("已提交");

        // the clerk on the office's review of its work: its state, no button
        String secondReview = OsakaFixture.firstActiveTask(as("coordinator"), directiveId);
        open("/tasks/" + secondReview);
        assertThat(browser.findElement(By.id("actingState")).getText()).contains("督办办公室");
        assertThat(browser.findElement(By.id("actingState")).getLocation().getY()).as("the review's state before the work it reviews")
                .isLessThan(browser.findElement(By.id("submitted")).getLocation().getY());
        assertThat(browser.findElements(By.cssSelector("main button[id='approve'], main button[id='return'], main button[id='claim']")))
                .isEmpty();
        assertNoSidewaysScroll();
        screenshot("return-clerk-on-office-review-phone");
        script("document.querySelector('table.figures-against-targets').scrollIntoView()");
        screenshot("return-clerk-review-figures-phone");

        // the office's review after the return: all the unit's evidence for the work, and approved without a comment
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("coordinator");
        open("/tasks/" + secondReview);
        String resubmitted = browser.findElement(By.id("submitted")).getText();
        assertThat(resubmitted).contains("邀请名单.pdf", "签到表.png", "第 2 次提交", "28家", "93%");
        assertThat(browser.findElements(By.cssSelector("#submitted article.submitted-step"))).hasSize(3);
        screenshot("return-review-after-resubmission");
        Browsers.submit(browser, By.id("approve"));
        assertThat(mainText()).contains("已同意");
    }

    private void assertNoSidewaysScroll() {
        assertThat(fitsTheScreen()).as("no sideways scroll").isTrue();
    }

    /** The fault shown right under a field, or nothing when the next thing under it is no fault. */
    private String fieldErrorAfter(String fieldId) {
        return (String) script("const next = document.getElementById('" + fieldId + "').nextElementSibling;"
                + "return next && next.classList.contains('field-error') ? next.textContent : ''");
    }

    /** A photo of a sign-in sheet: a white page with a few ruled lines. */
    private static byte[] png() throws IOException {
        BufferedImage sheet = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = sheet.createGraphics();
        pen.setColor(Color.WHITE);
        pen.fillRect(0, 0, 320, 200);
        pen.setColor(Color.DARK_GRAY);
        List<Integer> lines = new ArrayList<>(List.of(40, 80, 120, 160));
        lines.forEach(y -> pen.drawLine(20, y, 300, y));
        pen.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(sheet, "png", out);
        return out.toByteArray();
    }
}
