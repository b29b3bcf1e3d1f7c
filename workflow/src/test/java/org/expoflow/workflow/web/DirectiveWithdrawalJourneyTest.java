package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The coordinator at 1366 px, in Chinese: "邀请关西采购商" went out twice to Shenyang and Dalian. Issuing it a third
 * time, the console asks first; the coordinator opens the duplicate's own page instead, reads that withdrawing it ends
 * the open work of two units, names them, gives the reason and withdraws it; the page keeps the reason.
 */
@ExpoFlowTest
class DirectiveWithdrawalJourneyTest extends BrowserJourney {

    private static final String TITLE = "邀请关西采购商";

    @Test
    void theCoordinatorIsWarnedOfATitleIssuedTwiceAndWithdrawsTheDuplicateFromItsPage() throws IOException {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", TITLE,
                "dueOn", "2030-02-01", "unitIds", List.of("shenyang", "dalian")));
        String duplicate = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", TITLE,
                "dueOn", "2030-02-01", "unitIds", List.of("shenyang", "dalian"), "duplicateTitle", true)).field("id");
        atADesk("coordinator");

        open("/console?expoId=" + expoId);
        new Select(browser.findElement(By.id("kind"))).selectByValue("invite-buyers");
        browser.findElement(By.id("title")).sendKeys(TITLE);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dueOn').value = '2030-02-01'");
        browser.findElement(By.id("unit-shenyang")).click();
        Browsers.submit(browser, By.id("issue"));
        assertThat(mainText()).contains("本展会已有在办的同名督办事项“" + TITLE + "”").doesNotContain("督办事项已下达");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(TITLE);
        assertThat(browser.findElement(By.id("issueDuplicate")).getText()).isEqualTo("确认再次下发同名事项");
        screenshot("console-duplicate-title-zh-CN-1366");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(By.id("issueDuplicate")));
        screenshot("console-duplicate-title-confirm-zh-CN-1366");
        assertThat(coordinator.get("/api/expos/{e}/board", expoId).body().path("directives")).as("not issued").hasSize(2);

        // the duplicate's own page, from the console's list of directives
        browser.findElement(By.cssSelector("#directives a[href$='/directives/" + duplicate + "']")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
        browser.findElement(By.cssSelector("#withdrawConfirm summary")).click();
        assertThat(browser.findElement(By.id("withdrawQuestion")).getText())
                .contains("撤回后，2 个单位（").contains("沈阳市").contains("大连市").contains("）尚未完成的工作将随之结束");
        assertThat(browser.findElement(By.id("withdrawReason")).getAttribute("required")).as("a reason is required").isNotNull();
        browser.findElement(By.id("withdrawReason")).sendKeys("与第一次下发的事项重复");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(By.id("withdrawDirective")));
        screenshot("directive-withdraw-confirm-zh-CN-1366");
        Browsers.submit(browser, By.id("withdrawDirective"));

        assertThat(mainText()).contains("督办事项已撤回").contains("与第一次下发的事项重复")
                .contains("撤回时 2 个单位尚未完成的工作随之结束");
        assertThat(browser.findElements(By.id("withdrawConfirm"))).isEmpty();
        screenshot("directive-withdrawn-zh-CN-1366");
        java.util.regex.Matcher latin = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z_]+")
                .matcher(browser.findElement(By.tagName("body")).getText());
        while (latin.find()) {
            assertThat(latin.group()).as("the directive's page in Chinese only").isIn("ExpoFlow", "English");
        }
        assertThat(coordinator.get("/api/directives/{d}", duplicate).body().path("withdrawalReason").asText())
                .isEqualTo("与第一次下发的事项重复");
    }
}
