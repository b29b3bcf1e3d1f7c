package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bar of the Chinese reader: a clerk, a coordinator and a leader who read only Chinese meet no English word
 * and no code name on the pages of their journeys, in Chromium at phone width for the clerk. The office writes
 * its expo and directive in Chinese, as a province's office does; everything else on the pages (steps, fields,
 * figures, units, statuses, the history, the review of the unit's work, the board and the brief) is the
 * application's to say. Product and file-format names (ExpoFlow, Excel, Word, PDF, docx) and the switch to English are the
 * only Latin words allowed.
 */
@ExpoFlowTest
class ChineseReaderTest {

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");
    // product and file-format names, and the switch to English, which names that language in its own words
    private static final Set<String> NAMES_OF_PRODUCTS = Set.of("ExpoFlow", "Excel", "Word", "PDF", "pdf", "xlsx", "docx", "JPEG", "PNG", "WebP", "English");

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void theThreeJourneysInChineseCarryNoEnglishWordAndNoCodeName() throws IOException {
        String expoId = as("coordinator").post("/api/expos", map("name", "辽宁名优产品大阪展", "venue", "大阪国际展览中心",
                "opensOn", "2030-03-01", "closesOn", "2030-03-04")).field("id");
        as("coordinator").post("/api/expos/{e}/units", map("unitId", "chaoyang", "kind", "CITY"), expoId);
        as("coordinator").post("/api/expos/{e}/units", map("unitId", "tieling", "kind", "CITY"), expoId);
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "邀请关西采购商", "instructions", "每市至少邀请40家", "dueOn", "2030-02-01",
                "unitIds", List.of("chaoyang"), "cooperatingUnits", map("chaoyang", List.of("tieling")), "reportEvery", "P7D",
                "targets", map("buyersInvited", 40))).field("id");

        // a directive due in seconds: the engine opens the office's 督办逾期单位 step on it, which the office grades
        String lateDirective = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "报送展品清单", "dueAt", Instant.now().plusSeconds(3).toString(), "unitIds", List.of("chaoyang")))
                .field("id");
        ExpoFlowClient clerk = as("chaoyang");
        String draft = OsakaFixture.firstActiveTask(clerk, directiveId);
        assertThat(clerk.post("/api/tasks/{t}/claim", map(), draft).status().value()).isEqualTo(204);
        assertThat(clerk.post("/api/tasks/{t}/progress", map("percent", 40, "note", "已联系20家", "problems", "缺少采购商名录",
                "suggestions", "请省厅协调贸促会", "figures", map("buyersInvited", 20)), draft).status().value()).isEqualTo(204);
        assertThat(clerk.post("/api/tasks/{t}/complete", map("values", map("invitationList", "关西机械商会")), draft)
                .status().value()).isEqualTo(204);
        String send = OsakaFixture.firstActiveTask(clerk, directiveId);
        assertThat(clerk.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 42)), send).status().value())
                .isEqualTo(204);
        String confirm = OsakaFixture.firstActiveTask(clerk, directiveId);
        assertThat(clerk.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 25)), confirm)
                .status().value()).isEqualTo(204);
        String review = OsakaFixture.firstActiveTask(as("coordinator"), directiveId);
        // a second directive, whose first step the clerk asks to have later (延期申请)
        String later = OsakaFixture.firstActiveTask(clerk, as("coordinator").post("/api/directives", map("expoId", expoId,
                "kind", "invite-buyers", "title", "邀请九州采购商", "dueOn", "2030-02-01", "unitIds", List.of("chaoyang")))
                .field("id"));
        assertThat(clerk.post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "春节期间日方商会放假"),
                later).status().value()).isEqualTo(204);
        String late = OsakaFixture.firstActiveTask(clerk, lateDirective);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(lateDirective, "chaseUpUnit") != null);
        String chaseUp = activeStep(lateDirective, "chaseUpUnit");

        Map<String, Set<String>> latinWords = new LinkedHashMap<>();
        browser = Browsers.chromium("zh-CN", 390, 844);
        Browsers.signIn(browser, port, "chaoyang");
        read("clerk: task list", "/tasks?filter=done&directiveId=" + directiveId, "拟定邀请名单", latinWords);
        read("clerk: a finished step and its history", "/tasks/" + draft, "报告进展 40%", latinWords);
        Browsers.screenshot(browser, "chinese-reader-clerk-step");
        read("clerk: the inbox, by step", "/inbox", "全部已读", latinWords);
        Browsers.screenshot(browser, "chinese-reader-inbox");
        read("clerk: a step with its extension request waiting", "/tasks/" + later, "等待督办办公室审批", latinWords);
        Browsers.signIn(browser, port, "tieling");
        read("co-operating clerk: its list, each step 协办 with its lead", "/tasks?filter=done&directiveId=" + directiveId,
                "牵头：朝阳市", latinWords);

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        Browsers.signIn(browser, port, "coordinator");
        read("coordinator: the console", "/console?expoId=" + expoId, "邀请关西采购商", latinWords);
        read("coordinator: the console's extension requests", "/console?expoId=" + expoId, "春节期间日方商会放假", latinWords);
        read("coordinator: the review of the unit's work", "/tasks/" + review, "关西机械商会", latinWords);
        read("coordinator: a unit's step, what the unit read", "/tasks/" + draft, "督办与通知的阅读情况", latinWords);
        Browsers.screenshot(browser, "chinese-reader-review");
        read("coordinator: the office's chase-up of a late unit, its grades", "/tasks/" + chaseUp, "督办逾期单位", latinWords);
        read("coordinator: the console's overdue steps", "/console?expoId=" + expoId, "报送展品清单", latinWords);
        read("coordinator: the office's list of overdue steps, with its bulk form", "/tasks?filter=overdue", "报送展品清单",
                latinWords);
        read("coordinator: a directive's own page, where it is withdrawn", "/directives/" + directiveId, "撤回督办事项",
                latinWords);
        assertThat(as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "逾期未报，予以通报", "grade", "NOTIFY"), late)
                .status().value()).isEqualTo(204);
        String reply = activeStep(lateDirective, "acknowledgeChaseUp");
        String meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "第一次调度会",
                "heldAt", Instant.now().toString())).field("id");

        Browsers.signIn(browser, port, "leader");
        read("leader: the board", "/board?expoId=" + expoId, "朝阳市", latinWords);
        read("leader: the meeting and its brief", "/meetings/" + meetingId, "逾期未报，予以通报", latinWords);
        readHere("leader: the meeting's extension requests", "春节期间日方商会放假", latinWords);
        Browsers.screenshot(browser, "chinese-reader-meeting");
        read("leader: a city's page", "/units/chaoyang?expoId=" + expoId, "朝阳市", latinWords);
        read("leader: the ranking of units", "/board/" + expoId + "/ranking", "考核评分", latinWords);

        // the return and the resubmission: the returned step, a refused report, the office's review as the unit sees
        // it, the review after the return, and a leader on a city's step
        assertThat(as("coordinator").post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "确认到会的客商人数有误，请核实",
                "returnTo", "confirmBuyers"), review).status().value()).isEqualTo(204);
        String returned = OsakaFixture.firstActiveTask(clerk, directiveId);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Browsers.signIn(browser, port, "chaoyang");
        read("clerk: its open steps, each with its countdown and next report", "/tasks", "下次汇报", latinWords);
        read("clerk: the reply to the office's 通报", "/tasks/" + reply, "回复督办", latinWords);
        read("clerk: the returned step, filled in", "/tasks/" + returned, "确认到会的客商人数有误", latinWords);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('note').removeAttribute('maxlength');"
                + "document.getElementById('note').value = '进'.repeat(4001);"
                + "document.getElementById('progress.buyersConfirmed').value = '-3'");
        Browsers.submit(browser, By.id("saveProgress"));
        readHere("clerk: a refused progress report", "不超过 4,000 字", latinWords);
        assertThat(clerk.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 28)), returned).status().value())
                .isEqualTo(204);
        String secondReview = OsakaFixture.firstActiveTask(as("coordinator"), directiveId);
        read("clerk: the office's review of its work", "/tasks/" + secondReview, "督办办公室", latinWords);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        Browsers.signIn(browser, port, "coordinator");
        read("coordinator: the review after the return", "/tasks/" + secondReview, "第 2 次提交", latinWords);
        Browsers.signIn(browser, port, "leader");
        read("leader: a city's step", "/tasks/" + later, "作为领导批示", latinWords);

        assertThat(latinWords).as("Latin words a reader of Chinese would meet, by page").isEmpty();
    }

    /** The open step of {@code stepKey} on the directive, as the office's list has it; null when none. */
    private String activeStep(String directiveId, String stepKey) {
        for (JsonNode item : as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items")) {
            if (item.path("stepKey").asText().equals(stepKey)) {
                return item.path("id").asText();
            }
        }
        return null;
    }

    /** Reads a page, which must show {@code shown}, and notes the Latin words on it. */
    private void read(String page, String path, String shown, Map<String, Set<String>> latinWords) {
        browser.get("http://localhost:" + port + path);
        readHere(page, shown, latinWords);
    }

    /** Reads the page the browser is on, which must show {@code shown}, and notes the Latin words on it. */
    private void readHere(String page, String shown, Map<String, Set<String>> latinWords) {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith("zh");
        assertThat(browser.findElement(By.tagName("main")).getText()).as(page).contains(shown);
        // a list to choose from shows the choice made; the others (other tests' expos and kinds) are not read
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('option:not(:checked)').forEach(option => option.remove())");
        Set<String> found = new TreeSet<>();
        Matcher words = LATIN_WORD.matcher(browser.findElement(By.tagName("body")).getText());
        while (words.find()) {
            if (!NAMES_OF_PRODUCTS.contains(words.group())) {
                found.add(words.group());
            }
        }
        if (!found.isEmpty()) {
            latinWords.put(page, found);
        }
    }
}
