package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.time.Instant;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The browser story continued, in Chinese and in English: the coordinator issues a directive with a weekly report
 * and a co-operating unit and sees it among the directives issued; the co-operating city's clerk finds the step on
 * a phone, saves the list's filters and has the list to download; leadership opens the meeting's brief with the
 * board, the figures and the changes unit by unit. Screenshots of each, and the page never scrolls sideways on the
 * phone.
 */
@ExpoFlowTest
class BrowserJourneysTest extends BrowserJourney {

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aDirectiveWithCadenceAndCoUnitFromIssueToBrief(String language) throws IOException {
        boolean chinese = language.startsWith("zh");
        String title = (chinese ? "每周报送邀请进展 " : "Weekly invitations ") + language;
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "dandong", "benxi");
        browser = Browsers.chromium(language, 1280, 800);

        signIn("coordinator");
        open("/console?expoId=" + expoId);
        new Select(browser.findElement(By.id("kind"))).selectByValue("invite-buyers");
        browser.findElement(By.id("title")).sendKeys(title);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dueOn').value = '2030-02-01'");
        browser.findElement(By.id("unit-dandong")).click();
        // co-operating units are chosen under the lead unit they help
        browser.findElement(By.cssSelector("#coFor-dandong summary")).click();
        browser.findElement(By.id("co-dandong-benxi")).click();
        new Select(browser.findElement(By.id("reportEvery"))).selectByValue("P7D");
        Browsers.submit(browser, By.id("issue"));
        assertThat(mainText()).contains(chinese ? "督办事项已下达" : "Directive issued");
        assertThat(browser.findElement(By.id("directives")).getText()).contains(title);
        screenshot("console-issued-" + language);

        // the co-operating unit's clerk, on a phone
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        signIn("benxi");
        open("/tasks?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(mainText()).contains(chinese ? "拟定邀请名单" : "Draft the invitation list");
        assertThat(browser.findElement(By.id("exportTasks")).getText()).contains(chinese ? "导出为 Excel" : "Export as Excel");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('savedFilters').open = true");
        browser.findElement(By.id("filterName")).sendKeys(chinese ? "本周邀请" : "This week's invitations");
        Browsers.submit(browser, By.cssSelector("#saveFilter button"));
        assertThat(mainText()).contains(chinese ? "筛选已保存" : "Filters saved");
        assertThat(fitsTheScreen()).isTrue();
        screenshot("city-filters-phone-" + language);

        // leadership's brief of the meeting
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        String meetingId = as("leader").post("/api/meetings",
                map("expoId", expoId, "title", chinese ? "调度会" : "Coordination meeting", "heldAt", Instant.now().toString()))
                .field("id");
        signIn("leader");
        open("/meetings/" + meetingId);
        assertThat(browser.findElement(By.id("briefBoard")).getText()).contains(title);
        assertThat(browser.findElement(By.id("changesByUnit")).getText())
                .contains(chinese ? "新下达 1 项" : "1 given out").contains(chinese ? "拟定邀请名单" : "Draft the invitation list");
        assertThat(browser.findElement(By.id("briefBoard")).getText()).contains(chinese ? "协办" : "co-operating");
        screenshot("meeting-brief-" + language);
    }
}
