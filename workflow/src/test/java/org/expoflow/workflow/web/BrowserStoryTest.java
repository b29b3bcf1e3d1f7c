package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Osaka story through the pages, in Debian's headless Chromium at tablet size, once in Chinese and once
 * in English (the browser's language): the coordinator issues "invite buyers" to Shenyang and Dalian from the
 * console; Shenyang's clerk finds the task, is stopped at the field when a required figure is missing, and
 * completes the steps; Dalian reports a problem; the coordinator approves Shenyang's work from the review
 * queue; the leader reads the board. Each role's home page is saved as a screenshot in
 * {@code target/screenshots}.
 */
@ExpoFlowTest
class BrowserStoryTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    private WebDriver browser;

    private WebDriver browser(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        submit(By.id("signIn"));
    }

    /** Clicks a button that submits a form and waits for the page the answer brings. */
    private void submit(By button) {
        WebElement page = browser.findElement(By.tagName("main"));
        browser.findElement(button).click();
        untilGone(page);
    }

    /**
     * Waits for the page an action brings. Chromium may answer "node does not belong to the document" for
     * the old page while it is being replaced, instead of calling it stale: that too means it is going.
     */
    private void untilGone(WebElement page) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(page));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void openTask(String directiveTitle) {
        browser.get("http://localhost:" + port + "/tasks");
        WebElement row = browser.findElements(By.cssSelector("table.list tbody tr")).stream()
                .filter(r -> r.getText().contains(directiveTitle)).findFirst().orElseThrow();
        WebElement page = browser.findElement(By.tagName("main"));
        row.findElement(By.cssSelector("a.task-link")).click();
        untilGone(page);
    }

    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theOsakaStoryThroughThePages(String language) throws IOException {
        boolean chinese = language.startsWith("zh");
        String title = "Invite Japanese buyers (" + language + ")";
        browser(language);

        // the coordinator issues the directive from the console
        signIn("coordinator");
        assertThat(browser.getCurrentUrl()).endsWith("/console");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith(chinese ? "zh" : "en");
        screenshot("coordinator-home-" + language);
        new Select(browser.findElement(By.id("kind"))).selectByValue("invite-buyers");
        browser.findElement(By.id("title")).sendKeys(title);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dueOn').value = '2030-02-01'");
        browser.findElement(By.id("unit-shenyang")).click();
        browser.findElement(By.id("unit-dalian")).click();
        browser.findElement(By.id("target.buyersInvited")).sendKeys("50");
        submit(By.id("issue"));
        assertThat(text()).contains(chinese ? "督办事项已下达" : "Directive issued");

        // Shenyang's clerk finds the task, claims it and works through the steps
        signIn("shenyang");
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");
        assertThat(browser.findElement(By.id("filter-open")).getText()).contains(chinese ? "待办" : "Open");
        screenshot("city-home-" + language);
        // on a phone the list reflows: nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot("city-phone-" + language);
        browser.manage().window().setSize(new Dimension(1280, 800));
        openTask(title);
        submit(By.id("claim"));
        browser.findElement(By.id("value.invitationList")).sendKeys("Kansai buyers, Osaka chamber of commerce");
        submit(By.id("complete"));
        openTask(title);
        assertThat(browser.findElement(By.id("figure.buyersInvited")).getAttribute("required")).isNotNull();
        // past the browser's own check, the server still names the missing figure at its field
        ((JavascriptExecutor) browser).executeScript("document.getElementById('figure.buyersInvited').removeAttribute('required')");
        submit(By.id("complete"));
        // by its label, in the reader's language, never its id
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText())
                .contains(chinese ? "已邀请采购商（家）：请填写此项" : "Buyers invited: required");
        assertThat(browser.findElement(By.id("figure.buyersInvited")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.findElement(By.id("figure.buyersInvited")).sendKeys("42");
        submit(By.id("complete"));
        openTask(title);
        browser.findElement(By.id("figure.buyersConfirmed")).sendKeys("30");
        submit(By.id("complete"));
        assertThat(text()).contains(chinese ? "任务已提交" : "Task completed");

        // Dalian reports how far it got and what stands in its way
        signIn("dalian");
        openTask(title);
        browser.findElement(By.id("percent")).clear();
        browser.findElement(By.id("percent")).sendKeys("30");
        browser.findElement(By.id("problems")).sendKeys("no buyer database");
        submit(By.id("saveProgress"));
        // the history in words, never an event's name
        assertThat(text()).contains(chinese ? "进展已保存" : "Progress saved")
                .contains(chinese ? "报告进展 30%" : "reported 30% done").contains("no buyer database").doesNotContain("ProgressReported");

        // the coordinator approves Shenyang's work from the review queue
        signIn("coordinator");
        List<WebElement> reviews = browser.findElements(By.cssSelector("ul.plain li"));
        WebElement console = browser.findElement(By.tagName("main"));
        // a unit by its name, as the register names it, never by its id
        reviews.stream().filter(item -> item.getText().contains("沈阳市") && item.getText().contains(title)).findFirst()
                .orElseThrow().findElement(By.cssSelector("a.review-link")).click();
        untilGone(console);
        assertThat(text()).contains(title);
        submit(By.id("approve"));

        // the leader reads the board
        signIn("leader");
        assertThat(browser.getCurrentUrl()).contains("/board");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> driver.findElement(By.id("board")).isDisplayed());
        screenshot("leader-home-" + language);
        WebElement board = browser.findElement(By.id("board"));
        int column = board.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList().indexOf(title);
        assertThat(column).isPositive();
        WebElement shenyangRow = board.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains("沈阳市")).findFirst().orElseThrow();
        WebElement cell = shenyangRow.findElements(By.cssSelector("th, td")).get(column);
        assertThat(cell.getText()).contains(chinese ? "已完成" : "Done");
        assertThat(cell.getAttribute("class")).contains("light-GREEN");
        assertThat(browser.findElement(By.id("figuresChart")).findElements(By.tagName("canvas"))).isNotEmpty();

        // the leader convenes a meeting, records Dalian's report and a decision, and closes it
        String meetingTitle = "Coordination meeting (" + language + ")";
        browser.findElement(By.id("meetingTitle")).sendKeys(meetingTitle);
        submit(By.id("convene"));
        WebElement boardAgain = browser.findElement(By.tagName("main"));
        browser.findElement(By.linkText(meetingTitle)).click();
        untilGone(boardAgain);
        new Select(browser.findElement(By.id("reportUnit"))).selectByValue("dalian");
        browser.findElement(By.id("reportProblems")).sendKeys("no buyer database");
        submit(By.id("recordReport"));
        browser.findElement(By.id("decisionText")).sendKeys("Shenyang shares its buyer list with Dalian");
        submit(By.id("recordDecision"));
        assertThat(browser.findElement(By.id("closeMeeting")).isDisplayed()).as("closing asks first").isFalse();
        browser.findElement(By.cssSelector("#closeMeetingConfirm summary")).click();
        submit(By.id("closeMeeting"));
        assertThat(text()).contains("no buyer database").contains("Shenyang shares its buyer list with Dalian");
        assertThat(browser.findElements(By.id("recordReport"))).as("a closed meeting is frozen").isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href$='brief.xlsx']"))).isNotEmpty();
        browser.get("http://localhost:" + port + "/board");

        // drill down from the cell to Shenyang's page, at the directive's row
        WebElement boardPage = browser.findElement(By.tagName("main"));
        browser.findElement(By.id("board")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains("沈阳市")).findFirst().orElseThrow()
                .findElements(By.cssSelector("th, td")).get(column).findElement(By.cssSelector("a.status")).click();
        untilGone(boardPage);
        assertThat(browser.getCurrentUrl()).contains("/units/shenyang");
        assertThat(text()).contains(title).contains("沈阳市").doesNotContain("大连市").doesNotContain("shenyang");

        // the other language is one click away, and stays chosen
        String other = chinese ? "English" : "中文";
        browser.findElement(By.linkText(other)).click();
        browser.get("http://localhost:" + port + "/board");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith(chinese ? "en" : "zh");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(chinese ? "Board" : "进展看板");
    }
}
