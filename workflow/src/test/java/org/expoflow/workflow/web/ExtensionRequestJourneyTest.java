package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An extension request (延期申请) in the browser, in Chinese: Shenyang's clerk, on a phone, asks on the step page for a
 * later date with a reason (a request without a reason comes back naming it); the coordinator, at 1366 px, finds it
 * in the console's list and approves it, and the step's deadline and history say so.
 */
@ExpoFlowTest
class ExtensionRequestJourneyTest {

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
    void theClerkAsksOnAPhoneAndTheOfficeApprovesFromTheConsole() throws IOException {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        String task = OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "shenyang"),
                OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang"));

        browser = Browsers.chromium("zh-CN", 390, 844);
        Browsers.signIn(browser, port, "shenyang");
        browser.get("http://localhost:" + port + "/tasks/" + task);
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('extensionDueOn').value = '2030-02-15';"
                        + "document.getElementById('extensionReason').removeAttribute('required')");
        Browsers.submit(browser, By.id("askExtension"));
        assertThat(browser.findElement(By.id("extension")).getText()).contains("理由不能为空");

        ((JavascriptExecutor) browser).executeScript("document.getElementById('extensionDueOn').value = '2030-02-15'");
        browser.findElement(By.id("extensionReason")).sendKeys("春节期间日方商会放假，名单需延后两周");
        Browsers.submit(browser, By.id("askExtension"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("延期申请已提交");
        assertThat(browser.findElement(By.id("extensionWaiting")).getText()).contains("2030年2月15日").contains("春节期间日方商会放假");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('extension').scrollIntoView()");
        Browsers.screenshot(browser, "extension-clerk-asks-phone");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        Browsers.signIn(browser, port, "coordinator");
        browser.get("http://localhost:" + port + "/console?expoId=" + expoId);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('extensionRequests').scrollIntoView()");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("延期申请").contains("沈阳市")
                .contains("春节期间日方商会放假");
        Browsers.screenshot(browser, "extension-console-waiting");
        Browsers.submit(browser, By.cssSelector(".extension-item .approve-extension"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已同意延期申请").contains("没有待审批的延期申请");

        browser.get("http://localhost:" + port + "/tasks/" + task);
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("2030年2月15日").contains("申请将期限延至").contains("同意延期申请");
        Browsers.screenshot(browser, "extension-approved-step");
    }
}
