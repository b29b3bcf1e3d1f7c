package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * A graded chase-up in Chinese, in Chromium: the coordinator at 1366 px picks 通报 for an overdue unit on the
 * console, is told it was sent as a 通报, and finds the unit named, in a section of its own, on the next meeting's
 * brief page. The console's 待审核 list holds reviews only: the chase-up is offered with the overdue steps.
 */
@ExpoFlowTest
class ChaseUpGradesJourneyTest extends BrowserJourney {

    @Test
    void theCoordinatorNamesALateUnitOnTheConsoleAndFindsItInTheNextMeetingsBrief() throws IOException {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "tieling");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "铁岭邀请关西采购商", "dueAt", Instant.now().plusSeconds(3).toString(),
                "unitIds", List.of("tieling"))).field("id");
        String step = OsakaFixture.firstActiveTask(as("tieling"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("coordinator")
                .get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().findValuesAsText("stepKey")
                .contains("chaseUpUnit"));
        // its grace period over (seconds in the tests), the step is escalated: no timer runs while the office acts
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("coordinator").get("/api/tasks/{t}", step).body().path("escalatedAt").isTextual());

        atADesk("coordinator");
        open("/console?expoId=" + expoId);
        assertThat(browser.findElements(By.cssSelector("a.review-link"))).extracting(link -> link.getText())
                .as("the chase-up is not work waiting for review").noneMatch(text -> text.contains("督办逾期单位"));
        ((JavascriptExecutor) browser).executeScript(
                "const field = document.getElementById('chase-' + arguments[0]); field.closest('details').open = true;"
                        + " field.scrollIntoView({block: 'center'});", step);
        browser.findElement(By.id("chase-" + step)).sendKeys("邀请名单逾期未报，予以通报");
        Select grade = new Select(browser.findElement(By.id("grade-" + step)));
        assertThat(grade.getOptions()).extracting(option -> option.getText())
                .containsExactly("催办（提醒，无需回复）", "督办（限期回复）", "通报（限期回复，下次会议通报）");
        assertThat(grade.getFirstSelectedOption().getAttribute("value")).as("督办 unless another is chosen").isEqualTo("SUPERVISE");
        grade.selectByValue("NOTIFY");
        screenshot("chase-up-grade-console");
        Browsers.submit(browser, By.id("chaseUp-" + step));
        assertThat(mainText()).contains("已通报，");
        assertThat(browser.findElement(By.id("graded-" + step)).getText()).isEqualTo("已通报");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('graded-' + arguments[0]).scrollIntoView({block: 'center'})", step);
        screenshot("chase-up-grade-console-sent");

        String meetingId = as("coordinator").post("/api/meetings", map("expoId", expoId, "title", "第三次筹备调度会",
                "heldAt", Instant.now().toString())).field("id");
        open("/meetings/" + meetingId);
        String named = browser.findElement(By.id("briefNotified")).getText();
        assertThat(named).contains("通报", "铁岭市", "铁岭邀请关西采购商", "邀请名单逾期未报，予以通报");
        assertThat(fitsTheScreen()).isTrue();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('briefNotified').scrollIntoView()");
        screenshot("chase-up-grade-meeting-brief");

    }

    @Test
    void theCoordinatorChoosesTheGradeOnTheChaseUpsOwnPageAndInTheTaskList() throws IOException {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "yingkou");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "营口邀请关西采购商", "dueAt", Instant.now().plusSeconds(3).toString(),
                "unitIds", List.of("yingkou"))).field("id");
        String step = OsakaFixture.firstActiveTask(as("yingkou"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("coordinator")
                .get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().findValuesAsText("stepKey")
                .contains("chaseUpUnit"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("coordinator").get("/api/tasks/{t}", step).body().path("escalatedAt").isTextual());
        String chaseUp = as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items")
                .findParents("stepKey").stream().filter(item -> item.path("stepKey").asText().equals("chaseUpUnit"))
                .findFirst().orElseThrow().path("id").asText();

        atADesk("coordinator");
        open("/tasks?directiveId=" + directiveId);
        Select bulkGrade = new Select(browser.findElement(By.id("bulkTasksGrade")));
        assertThat(bulkGrade.getOptions()).extracting(option -> option.getText())
                .containsExactly("催办（提醒，无需回复）", "督办（限期回复）", "通报（限期回复，下次会议通报）");
        screenshot("chase-up-grade-task-list-1366");

        open("/tasks/" + chaseUp);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("督办逾期单位");
        Select grade = new Select(browser.findElement(By.id("value.grade")));
        assertThat(grade.getFirstSelectedOption().getText()).as("督办 unless another is chosen").isEqualTo("督办（限期回复）");
        browser.findElement(By.id("value.message")).sendKeys("请今日内报送邀请名单");
        grade.selectByVisibleText("催办（提醒，无需回复）");
        assertThat(browser.findElement(By.id("complete")).getText()).as("the office sends a chase-up").isEqualTo("发出督办");
        assertThat(browser.findElements(By.id("progressForm"))).as("no progress to report on the office's own chase-up").isEmpty();
        screenshot("chase-up-grade-step-page-1366");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        assertThat(fitsTheScreen()).isTrue();
        screenshot("chase-up-grade-step-page-phone");
        Browsers.submit(browser, By.id("complete"));

        assertThat(as("coordinator").get("/api/tasks/{t}", step).body().path("chaseUpGrade").asText()).isEqualTo("URGE");
    }
}
