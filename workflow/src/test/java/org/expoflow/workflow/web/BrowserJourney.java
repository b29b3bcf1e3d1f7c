package org.expoflow.workflow.web;

import java.io.IOException;
import java.util.Base64;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey shares: the application on its port, one Chromium per test (a clerk on a phone at
 * 390 px, the office or leadership at a desk at 1366 px, in Chinese), closed after the test whatever happened, the
 * API as any demo user for the set-up a journey does not walk, and the page's own checks (its text, whether it fits
 * the screen, a screenshot kept under {@code target/screenshots}).
 */
@ExpoFlowTest
abstract class BrowserJourney {

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final int DESK_WIDTH = 1366;
    static final int DESK_HEIGHT = 900;

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The API as a demo user. */
    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as(url(""), user);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A user of the demo signed in on a phone, in Chinese. */
    void onAPhone(String user) {
        browser = Browsers.chromium("zh-CN", PHONE_WIDTH, PHONE_HEIGHT);
        signIn(user);
    }

    /** A user of the demo signed in at a desk, in Chinese. */
    void atADesk(String user) {
        browser = Browsers.chromium("zh-CN", DESK_WIDTH, DESK_HEIGHT);
        signIn(user);
    }

    /** Another user signs in, in the same browser. */
    void signIn(String user) {
        Browsers.signIn(browser, port, user);
    }

    void open(String path) {
        browser.get(url(path));
    }

    /** What the page says, without its top bar. */
    String mainText() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** Nothing wider than the screen: no sideways scrolling. */
    boolean fitsTheScreen() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    void screenshot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The active step of the directive at this step (as the office lists it), or nothing. */
    String activeStep(String directiveId, String stepKey) {
        return StreamSupport.stream(as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body()
                        .path("items").spliterator(), false).filter(item -> item.path("stepKey").asText().equals(stepKey))
                .map(item -> item.path("id").asText()).findFirst().orElse(null);
    }

    /** A file the page links to, fetched by the browser as the user signed in: its bytes (nothing but a 200 is one). */
    byte[] download(String href) {
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.ok ? r.blob() : Promise.reject(r.status))"
                + ".then(b => { const f = new FileReader(); f.onload = () => done(f.result.split(',')[1]); f.readAsDataURL(b); })"
                + ".catch(e => done('failed ' + e))", href);
        if (base64 == null || base64.startsWith("failed")) {
            throw new AssertionError(href + " could not be downloaded: " + base64);
        }
        return Base64.getDecoder().decode(base64);
    }
}
