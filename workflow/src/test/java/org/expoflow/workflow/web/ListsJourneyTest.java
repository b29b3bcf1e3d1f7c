package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lists in Chromium, in Chinese: the office chooses a co-operating unit under the lead it helps (1366 px); the
 * clerk of Shenyang reads its list on a phone (390 px), a card in about half the height it used to take (330 px),
 * its status chip and days left, its unit not repeated, the next report's date on the card and the step; Benxi's
 * clerk, helping two cities, sees each step marked 协办 with its own lead. Screenshots of each.
 */
@ExpoFlowTest
class ListsJourneyTest extends BrowserJourney {

    /** About half the 330 px a card took before. */
    private static final int CARD_HEIGHT_MOST = 170;

    @Test
    void theOfficeChoosesCoUnitsPerLeadAndTheClerksReadTheirListsOnAPhone() throws IOException {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "shenyang", "dalian", "benxi");
        String token = UUID.randomUUID().toString().substring(0, 6);
        JavascriptExecutor page;

        // the office, at 1366 px: Benxi co-operates with Shenyang only
        browser = Browsers.chromium("zh-CN", 1366, 900);
        page = (JavascriptExecutor) browser;
        signIn("coordinator");
        open("/console?expoId=" + expoId);
        new Select(browser.findElement(By.id("kind"))).selectByValue("invite-buyers");
        browser.findElement(By.id("title")).sendKeys("邀请关西采购商 " + token);
        page.executeScript("document.getElementById('dueOn').value = '2030-02-01'");
        browser.findElement(By.id("unit-shenyang")).click();
        browser.findElement(By.id("unit-dalian")).click();
        assertThat(browser.findElement(By.id("coFor-benxi")).isDisplayed()).as("Benxi leads nothing here").isFalse();
        browser.findElement(By.cssSelector("#coFor-shenyang summary")).click();
        browser.findElement(By.id("co-shenyang-benxi")).click();
        new Select(browser.findElement(By.id("reportEvery"))).selectByValue("P7D");
        page.executeScript("document.getElementById('cooperation').scrollIntoView()");
        screenshot("lists-issue-per-lead-zh");
        Browsers.submit(browser, By.id("issue"));
        assertThat(mainText()).contains("督办事项已下达");
        String invite = directiveTitled(expoId, "邀请关西采购商 " + token);
        String other = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "组织参展企业 " + token, "dueOn", "2030-02-01", "unitIds", List.of("dalian"),
                "cooperatingUnits", map("dalian", List.of("benxi")))).field("id");
        JsonNode shenyangStep = as("shenyang").get("/api/tasks?directiveId={d}&status=ACTIVE", invite).body().path("items").get(0);
        assertThat(shenyangStep.path("cooperatingUnits").toString()).isEqualTo("[\"benxi\"]");
        assertThat(as("dalian").get("/api/tasks?directiveId={d}&status=ACTIVE", invite).body().path("items").get(0)
                .path("cooperatingUnits").toString()).as("Dalian's step has no co-unit").isEqualTo("[]");
        String step = shenyangStep.path("id").asText();
        assertThat(as("shenyang").post("/api/tasks/{t}/progress", map("percent", 80, "note", "已联系40家"), step)
                .status().value()).isEqualTo(204);

        // Shenyang's clerk on a phone
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn("shenyang");
        open("/tasks?directiveId=" + invite);
        WebElement card = browser.findElement(By.cssSelector("tr.task-row"));
        long height = Math.round(((Number) page.executeScript("return arguments[0].getBoundingClientRect().height", card))
                .doubleValue());
        assertThat(height).as("a card's height on a phone").isLessThanOrEqualTo(CARD_HEIGHT_MOST);
        assertThat(card.findElement(By.cssSelector(".chip")).getText()).isEqualTo("办理中");
        assertThat(card.findElement(By.cssSelector(".countdown")).getText()).matches("剩余\\d+天");
        assertThat(card.findElement(By.cssSelector(".next-report")).getText()).startsWith("下次汇报 ").endsWith("日");
        assertThat(card.getText()).as("its own unit is not repeated").doesNotContain("沈阳市").doesNotContain("单位");
        assertThat(fitsTheScreen()).isTrue();
        screenshot("lists-clerk-phone-zh");
        open("/tasks/" + step);
        assertThat(browser.findElement(By.id("nextReport")).getText()).startsWith("下次汇报 ");
        assertThat(browser.findElement(By.id("stepState")).getText()).isEqualTo("办理中");
        screenshot("lists-clerk-step-phone-zh");

        // Benxi's clerk, helping Shenyang on one directive and Dalian on another
        signIn("benxi");
        open("/tasks?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        List<WebElement> cards = browser.findElements(By.cssSelector("tr.task-row"));
        assertThat(cards).hasSize(2);
        assertThat(cards).allSatisfy(each -> assertThat(each.findElement(By.cssSelector(".chip.cooperating")).getText())
                .isEqualTo("协办"));
        assertThat(cards.stream().map(each -> each.findElement(By.cssSelector(".lead")).getText()).toList())
                .containsExactlyInAnyOrder("牵头：沈阳市", "牵头：大连市");
        assertThat(fitsTheScreen()).isTrue();
        screenshot("lists-cooperating-phone-zh");
        assertThat(other).isNotBlank();
    }

    private String directiveTitled(String expoId, String title) {
        for (JsonNode directive : as("leader").get("/api/expos/{e}/board", expoId).body().path("directives")) {
            if (directive.path("title").asText().equals(title)) {
                return directive.path("directiveId").asText();
            }
        }
        throw new AssertionError("no directive titled " + title);
    }
}
