package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An extension request (延期申请) in the browser, in Chinese: Shenyang's clerk, on a phone, asks on the step page for a
 * later date with a reason (a request without a reason comes back naming it); the coordinator, at 1366 px, finds it
 * in the console's list and approves it, and the step's deadline and history say so.
 */
@ExpoFlowTest
class ExtensionRequestJourneyTest extends BrowserJourney {

    @Test
    void theClerkAsksOnAPhoneAndTheOfficeApprovesFromTheConsole() throws IOException {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        String task = OsakaFixture.firstActiveTask(as("shenyang"),
                OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang"));

        onAPhone("shenyang");
        open("/tasks/" + task);
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('extensionDueOn').value = '2030-02-15';"
                        + "document.getElementById('extensionReason').removeAttribute('required')");
        Browsers.submit(browser, By.id("askExtension"));
        assertThat(browser.findElement(By.id("extension")).getText()).contains("理由不能为空");

        ((JavascriptExecutor) browser).executeScript("document.getElementById('extensionDueOn').value = '2030-02-15'");
        browser.findElement(By.id("extensionReason")).sendKeys("春节期间日方商会放假，名单需延后两周");
        Browsers.submit(browser, By.id("askExtension"));
        assertThat(mainText()).contains("延期申请已提交");
        assertThat(browser.findElement(By.id("extensionWaiting")).getText()).contains("2030年2月15日").contains("春节期间日方商会放假");
        assertThat(fitsTheScreen()).isTrue();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('extension').scrollIntoView()");
        screenshot("extension-clerk-asks-phone");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        signIn("coordinator");
        open("/console?expoId=" + expoId);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('extensionRequests').scrollIntoView()");
        assertThat(mainText()).contains("延期申请").contains("沈阳市")
                .contains("春节期间日方商会放假");
        screenshot("extension-console-waiting");
        Browsers.submit(browser, By.cssSelector(".extension-item .approve-extension"));
        assertThat(mainText()).contains("已同意延期申请").contains("没有待审批的延期申请");

        open("/tasks/" + task);
        String page = mainText();
        assertThat(page).contains("2030年2月15日").contains("申请将期限延至").contains("同意延期申请");
        screenshot("extension-approved-step");
    }
}
