package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpServer;

/**
 * An administrator's day in Chromium, in Chinese, at 1366 px, without curl: signed in, it lands on its own page;
 * registers a department (a refused attempt first, its faults under their fields and nothing registered), places it
 * and moves it; uploads a kind with its Chinese words (a model the allow-list refuses first, told under the file
 * field), and finds it listed with its steps and its figure; sets a unit's group robot (an address not allowed
 * first) and sends it a test message, which a robot of the test's own receives; reads the deliveries, retries one
 * that failed, and checks the read models.
 */
@ExpoFlowTest
class AdministratorsDayTest {

    @LocalServerPort
    int port;

    private WebDriver browser;
    private HttpServer robot;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void closeBrowserAndRobot() {
        // Panjin's robot was the test's own: the other tests meet no robot there
        jdbc.update("delete from unit_webhook where unit_id = 'panjin'");
        if (browser != null) {
            browser.quit();
        }
        if (robot != null) {
            robot.stop(0);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private List<String> unitIdsInOrder() {
        return browser.findElements(By.cssSelector("#units tr.unit-row")).stream()
                .map(row -> row.getAttribute("id").substring("unit-".length())).toList();
    }

    @Test
    void fromRegisteringAUnitToUploadingAKindWithChineseWordsToTestingARobot() throws Exception {
        browser = Browsers.chromium("zh-CN", 1366, 900);
        Browsers.signIn(browser, port, "admin");
        assertThat(browser.getCurrentUrl()).endsWith("/admin");
        assertThat(main()).contains("系统管理").contains("单位登记").contains("督办事项类型").contains("群机器人")
                .contains("消息投递").contains("读模型");
        Browsers.screenshot(browser, "admin-home");

        // the register: a refused unit first, each fault under its field, nothing registered
        browser.findElement(By.linkText("单位登记")).click();
        int registered = unitIdsInOrder().size();
        browser.findElement(By.id("unitId")).sendKeys("Provincial CCPIT");
        Browsers.submit(browser, By.id("addUnitButton"));
        assertThat(browser.findElement(By.id("unitIdError")).getText()).contains("单位编号").contains("小写");
        assertThat(browser.findElement(By.id("nameError")).getText()).contains("名称").contains("不能为空");
        assertThat(browser.findElement(By.id("unitId")).getAttribute("value")).isEqualTo("Provincial CCPIT");
        assertThat(unitIdsInOrder()).hasSize(registered);
        Browsers.screenshot(browser, "admin-units-refused");

        browser.findElement(By.id("unitId")).clear();
        browser.findElement(By.id("unitId")).sendKeys("ccpit-ln");
        browser.findElement(By.id("name")).sendKeys("省贸促会");
        browser.findElement(By.id("englishName")).sendKeys("CCPIT Liaoning");
        browser.findElement(By.cssSelector("#kind option[value='DEPARTMENT']")).click();
        browser.findElement(By.id("position")).sendKeys(String.valueOf(registered));
        Browsers.submit(browser, By.id("addUnitButton"));
        assertThat(main()).contains("单位已登记");
        assertThat(unitIdsInOrder()).hasSize(registered + 1);
        assertThat(unitIdsInOrder().indexOf("ccpit-ln")).as("placed where asked").isEqualTo(registered - 1);
        WebElement row = browser.findElement(By.id("unit-ccpit-ln"));
        assertThat(row.getText()).contains("省直部门");
        Browsers.screenshot(browser, "admin-units-added");
        Browsers.submit(browser, By.cssSelector("#unit-ccpit-ln .move-down"));
        assertThat(main()).contains("单位的顺序已调整");
        assertThat(unitIdsInOrder().indexOf("ccpit-ln")).as("one place down: last").isEqualTo(registered);
        assertThat(ExpoFlowClient.as(url(""), "coordinator").get("/api/units").body().toString())
                .contains("\"unitId\":\"ccpit-ln\",\"name\":\"省贸促会\",\"kind\":\"DEPARTMENT\",\"englishName\":\"CCPIT Liaoning\"");

        // a kind: one the allow-list refuses, then one with its Chinese words
        Path folder = Files.createTempDirectory("admin-day");
        String bpmn = new String(new ClassPathResource("kinds/interpreters-trial.bpmn").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        // a listener naming a class: the allow-list names no listener, whoever deploys the model
        Path refused = Files.writeString(folder.resolve("interpreters-trial.bpmn"), bpmn.replace(
                "<camunda:formData>\n          <camunda:formField id=\"interpretersBooked\"",
                "<camunda:taskListener class=\"org.example.Steal\" event=\"create\"/>\n"
                        + "        <camunda:formData>\n          <camunda:formField id=\"interpretersBooked\""));
        assertThat(Files.readString(refused)).contains("org.example.Steal");
        browser.get(url("/admin/kinds"));
        browser.findElement(By.id("file")).sendKeys(refused.toAbsolutePath().toString());
        Browsers.submit(browser, By.id("uploadKindButton"));
        String refusal = browser.findElement(By.id("fileError")).getText();
        assertThat(refusal).contains("bookInterpreters").doesNotContain("Exception");
        assertThat(refusal.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("said in Chinese: " + refusal).isTrue();
        assertThat(browser.findElements(By.id("kind-interpreters-trial"))).isEmpty();
        Browsers.screenshot(browser, "admin-kinds-refused");

        Path model = Files.writeString(folder.resolve("interpreters-trial.bpmn"), bpmn);
        Path chinese = Files.writeString(folder.resolve("口译.properties"), """
                kind.interpreters-trial.name=预订翻译人员（试点）
                kind.interpreters-trial.step.listLanguages=列出所需语种
                kind.interpreters-trial.step.bookInterpreters=预订翻译人员
                kind.interpreters-trial.field.languages=所需语种
                kind.interpreters-trial.field.interpretersBooked=已预订翻译
                """, StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(model.toAbsolutePath().toString());
        browser.findElement(By.id("textsZh")).sendKeys(chinese.toAbsolutePath().toString());
        Browsers.submit(browser, By.id("uploadKindButton"));
        assertThat(main()).contains("督办事项类型已部署");
        String kind = browser.findElement(By.id("kind-interpreters-trial")).getText();
        assertThat(kind).contains("预订翻译人员（试点）").contains("第 1 版").contains("列出所需语种").contains("预订翻译人员")
                .contains("所需语种").contains("承办单位").contains("已预订翻译（人）").doesNotContain("Book the interpreters");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('kind-interpreters-trial').scrollIntoView()");
        Browsers.screenshot(browser, "admin-kinds-uploaded");

        // a unit's group robot: an address not allowed, then the test's own robot, which gets the test message
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger answer = new AtomicInteger(200);
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/robot", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        robot.start();
        browser.get(url("/admin/robots"));
        WebElement address = browser.findElement(By.cssSelector("#robot-panjin input.url"));
        address.sendKeys("https://robots.example.com/hook");
        Browsers.submit(browser, By.cssSelector("#robot-panjin .save-robot"));
        assertThat(browser.findElement(By.cssSelector("#robot-panjin .url-error")).getText()).contains("企业微信或钉钉");
        assertThat(browser.findElement(By.cssSelector("#robot-panjin input.url")).getAttribute("value"))
                .isEqualTo("https://robots.example.com/hook");
        Browsers.screenshot(browser, "admin-robots-refused");

        address = browser.findElement(By.cssSelector("#robot-panjin input.url"));
        address.clear();
        address.sendKeys("http://localhost:" + robot.getAddress().getPort() + "/robot");
        Browsers.submit(browser, By.cssSelector("#robot-panjin .save-robot"));
        assertThat(main()).contains("群机器人地址已保存");
        Browsers.submit(browser, By.cssSelector("#robot-panjin .send-test"));
        assertThat(browser.findElement(By.cssSelector("#robot-panjin .test-result")).getText()).contains("测试消息已送达");
        assertThat(received).singleElement().asString().contains("测试消息").contains("盘锦市");
        Browsers.screenshot(browser, "admin-robots-tested");

        // the robot down: the test says so, and the deliveries list it failed, for a retry
        answer.set(500);
        Browsers.submit(browser, By.cssSelector("#robot-panjin .send-test"));
        assertThat(browser.findElement(By.cssSelector("#robot-panjin .test-result")).getText()).contains("未送达").contains("机器人返回了 HTTP 500");
        browser.get(url("/admin/deliveries?state=FAILED"));
        WebElement failed = browser.findElements(By.cssSelector("#deliveries tr.delivery-row")).stream()
                .filter(delivery -> delivery.getText().contains("盘锦市的群机器人")).findFirst().orElseThrow();
        assertThat(failed.getText()).contains("群机器人").contains("测试消息").contains("失败").contains("机器人返回了 HTTP 500");
        Browsers.screenshot(browser, "admin-deliveries-failed");
        answer.set(200);
        Browsers.submit(browser, By.cssSelector("[id='" + failed.getAttribute("id") + "'] .retry"));
        assertThat(main()).contains("已安排重试");
        browser.get(url("/admin/deliveries?state=PENDING"));
        assertThat(browser.findElements(By.cssSelector("#deliveries tr.delivery-row")).stream().map(WebElement::getText))
                .anySatisfy(delivery -> assertThat(delivery).contains("盘锦市的群机器人").contains("待发送"));

        // the read models, and the consistency of engine, events and task lists
        browser.get(url("/admin/read-models"));
        assertThat(browser.findElement(By.id("progress")).getText()).contains("正常");
        Browsers.submit(browser, By.id("checkConsistency"));
        assertThat(browser.findElement(By.id("consistency")).getText()).contains("一致性检查").contains("未办结的任务");
        Browsers.screenshot(browser, "admin-read-models");

        // Camunda Admin, for reading: no "null" after the name, no users to add, and where ExpoFlow's users are managed
        browser.get(url("/camunda/app/admin/default/"));
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60)).until(driver ->
                    driver.findElement(By.tagName("body")).getText().contains("Execution Metrics"));
        } catch (org.openqa.selenium.TimeoutException notLoaded) {
            Browsers.screenshot(browser, "admin-camunda-admin");
            throw new AssertionError("Camunda Admin did not load: " + browser.getCurrentUrl() + " "
                    + browser.findElement(By.tagName("body")).getText(), notLoaded);
        }
        String camundaAdmin = browser.findElement(By.tagName("body")).getText();
        assertThat(camundaAdmin).doesNotContain("null").doesNotContain("USERS_USERS").doesNotContain("Add user")
                .doesNotContain("Manage Authorizations").doesNotContain("local timezone");
        assertThat((String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.getElementById('footer-timezone'), '::before').content"))
                .contains("ExpoFlow 的用户、角色和单位在 ExpoFlow");
        Browsers.screenshot(browser, "admin-camunda-admin");

        // the same pages on a phone hold their width
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String page : List.of("/admin", "/admin/units", "/admin/robots", "/admin/kinds", "/admin/deliveries", "/admin/read-models")) {
            browser.get(url(page));
            Object wider = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                            + ".map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').substring(0, 40)).slice(-3).join(' | ')");
            assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as(page + " wider: " + wider).isTrue();
        }
        browser.get(url("/admin/robots"));
        Browsers.screenshot(browser, "admin-robots-phone");
    }
}
