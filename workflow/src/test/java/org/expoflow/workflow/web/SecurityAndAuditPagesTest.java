package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The security administrator's and the auditor's day in Chinese: a new clerk is refused under the field at fault and
 * then created, changes the first password at first sign-in (a weak one refused, naming its rule), and the auditor
 * finds all of it in the log, in words; neither page is open to the system's administrator.
 */
@ExpoFlowTest
class SecurityAndAuditPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void theSecurityAdministratorMovesAClerkToAnotherUnitOnThePage() throws IOException {
        String clerk = "yingkou-" + UUID.randomUUID().toString().substring(0, 6);
        org.expoflow.workflow.scenario.ExpoFlowClient.newUser("http://localhost:" + port,
                org.expoflow.workflow.scenario.ExpoFlowClient.map("username", clerk, "password", "Bayuquan-Port-2030",
                        "role", "CITY", "unitId", "yingkou"));
        browser = Browsers.chromium("zh-CN", 1366, 900);
        Browsers.signIn(browser, port, "security");

        browser.findElement(By.cssSelector("#user-" + clerk + " details:first-of-type summary")).click();
        new Select(browser.findElement(By.id("unit-" + clerk))).selectByValue("");
        Browsers.submit(browser, By.id("role-button-" + clerk));
        assertThat(text("unit-" + clerk + "-error")).as("a clerk without a unit, under the field").contains("单位");
        assertThat(jdbc.queryForObject("select unit_id from expoflow_user where username = ?", String.class, clerk)).isEqualTo("yingkou");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("user-" + clerk)));
        Browsers.screenshot(browser, "admin-users-role-refused-zh");

        new Select(browser.findElement(By.id("unit-" + clerk))).selectByValue("fuxin");
        Browsers.submit(browser, By.id("role-button-" + clerk));
        assertThat(browser.findElement(By.className("done")).getText()).contains("角色或单位已修改");
        assertThat(browser.findElement(By.id("user-" + clerk)).getText()).contains("阜新市");
        assertThat(jdbc.queryForObject("select unit_id from expoflow_user where username = ?", String.class, clerk)).isEqualTo("fuxin");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'USER_ROLE_CHANGED' and what like ?",
                Integer.class, "user=" + clerk + ";%unit=fuxin%")).isEqualTo(1);
    }

    @Test
    void theSecurityAdministratorAddsAClerkWhoChoosesAPasswordAndTheAuditorReadsItAll() throws IOException {
        String clerk = "panjin-" + UUID.randomUUID().toString().substring(0, 6);
        browser = Browsers.chromium("zh-CN", 1366, 900);
        Browsers.signIn(browser, port, "security");
        assertThat(browser.getCurrentUrl()).as("the security administrator's home").endsWith("/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("用户管理");

        browser.findElement(By.id("username")).sendKeys(clerk);
        browser.findElement(By.id("displayName")).sendKeys("盘锦市 联络员");
        new Select(browser.findElement(By.id("role"))).selectByValue("CITY");
        browser.findElement(By.id("password")).sendKeys("panjinharbour");
        Browsers.submit(browser, By.id("create-user"));
        assertThat(text("unitId-error")).as("a city clerk without a unit").contains("单位");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).as("what was typed stays").isEqualTo(clerk);

        new Select(browser.findElement(By.id("unitId"))).selectByValue("panjin");
        browser.findElement(By.id("password")).sendKeys("panjinharbour");
        Browsers.submit(browser, By.id("create-user"));
        assertThat(text("password-error")).as("the rule it breaks, named").contains("字符种类不符合规则").contains("至少 3 类");
        assertThat(jdbc.queryForObject("select count(*) from expoflow_user where username = ?", Integer.class, clerk)).isZero();

        browser.findElement(By.id("password")).sendKeys("Panjin-Harbour-1");
        Browsers.submit(browser, By.id("create-user"));
        assertThat(browser.findElement(By.className("done")).getText()).contains("用户已创建");
        assertThat(browser.findElement(By.id("user-" + clerk)).getText()).contains("盘锦市 联络员").contains("市级承办人员")
                .contains("盘锦市").contains("启用");
        Browsers.screenshot(browser, "admin-users-zh");
        browser.manage().window().setSize(new Dimension(390, 844));
        Browsers.screenshot(browser, "admin-users-phone-zh");

        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(clerk);
        browser.findElement(By.id("password")).sendKeys("Panjin-Harbour-1");
        Browsers.submit(browser, By.id("signIn"));
        assertThat(browser.getCurrentUrl()).as("the first password leads to its change").endsWith("/password");
        assertThat(text("password-due")).contains("请先设置您自己的密码");
        open("/tasks");
        assertThat(browser.getCurrentUrl()).as("and nothing else opens before it").endsWith("/password");
        browser.findElement(By.id("currentPassword")).sendKeys("Panjin-Harbour-1");
        browser.findElement(By.id("password")).sendKeys("short1A");
        browser.findElement(By.id("repeatedPassword")).sendKeys("short1A");
        Browsers.submit(browser, By.id("change-password"));
        assertThat(text("password-error")).contains("密码长度不符合规则").contains("8");
        Browsers.screenshot(browser, "password-refused-phone-zh");
        browser.findElement(By.id("currentPassword")).sendKeys("Panjin-Harbour-1");
        browser.findElement(By.id("password")).sendKeys("Liaohe-Delta-2030");
        browser.findElement(By.id("repeatedPassword")).sendKeys("Liaohe-Delta-2030");
        Browsers.submit(browser, By.id("change-password"));
        assertThat(browser.findElement(By.className("done")).getText()).contains("密码已修改");
        browser.findElement(By.id("continue")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");

        Browsers.signIn(browser, port, "admin");
        open("/admin/users");
        assertThat(browser.getPageSource()).as("the system's administrator manages no one").doesNotContain("新建用户");
        open("/audit");
        assertThat(browser.getPageSource()).doesNotContain("安全审计日志");

        browser.manage().window().setSize(new Dimension(1366, 900));
        Browsers.signIn(browser, port, "auditor");
        assertThat(browser.getCurrentUrl()).as("the auditor's home").contains("/audit");
        browser.findElement(By.id("actor")).sendKeys(clerk);
        Browsers.submit(browser, By.id("filter"));
        String log = text("entries");
        assertThat(log).contains("登录成功", "修改本人密码", "方式：登录页");
        assertThat(log).doesNotContain("AUTHENTICATION_SUCCESS", "Panjin-Harbour", "Liaohe-Delta");
        assertThat(text("seals")).contains("封存链");
        new Select(browser.findElement(By.id("action"))).selectByValue("USER_CREATED");
        browser.findElement(By.id("actor")).clear();
        browser.findElement(By.id("actor")).sendKeys("security");
        Browsers.submit(browser, By.id("filter"));
        assertThat(text("entries")).contains("新建用户", "用户：" + clerk, "角色：市级承办人员", "单位：panjin");
        Browsers.screenshot(browser, "audit-zh");
        browser.manage().window().setSize(new Dimension(390, 844));
        Browsers.screenshot(browser, "audit-phone-zh");

        open("/audit?from=2026-13-01");
        assertThat(text("from-error")).contains("不是日期");
    }
}
