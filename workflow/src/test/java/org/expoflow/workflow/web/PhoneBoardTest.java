package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.util.List;

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
 * A leader opens the board on a phone (390 px): the page does not scroll sideways; a board wider than the screen
 * scrolls inside its own frame, with the units' names and the legend in Chinese, and the charts name the figures
 * as people do, not by their codes.
 */
@ExpoFlowTest
class PhoneBoardTest {

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
    void theBoardFitsAPhoneAndScrollsInsideItsOwnFrame() throws IOException {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian", "anshan");
        for (String title : List.of("邀请日本采购商参会洽谈", "组织企业参展并报送名单", "设计主题活动方案", "展品运输与通关")) {
            coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", title,
                    "dueOn", "2030-02-01", "unitIds", List.of("shenyang", "dalian", "anshan"), "targets", map("buyersInvited", 20)));
        }
        browser = Browsers.chromium("zh-CN", 390, 844);
        Browsers.signIn(browser, port, "leader");

        browser.get("http://localhost:" + port + "/board?expoId=" + expoId);
        JavascriptExecutor page = (JavascriptExecutor) browser;

        assertThat(browser.findElement(By.id("board")).getText()).contains("沈阳").contains("大连");
        Object wider = page.executeScript("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.board-wrap'))"
                + ".map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                + ".slice(0, 8).join(', ')");
        assertThat((Boolean) page.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page itself does not scroll sideways; wider than the screen: %s", wider).isTrue();
        assertThat((Boolean) page.executeScript("var frame = document.querySelector('.board-wrap');"
                + " return frame.scrollWidth <= frame.clientWidth || getComputedStyle(frame).overflowX == 'auto'"))
                .as("a board wider than the phone scrolls inside its frame").isTrue();
        assertThat((Boolean) page.executeScript("return document.querySelector('.board-wrap').getBoundingClientRect().right"
                + " <= window.innerWidth")).as("the frame itself fits the screen").isTrue();
        assertThat(page.executeScript("return JSON.parse(document.getElementById('boardData').textContent)"
                + ".figureNames.buyersInvited")).as("the charts name figures as people do").isEqualTo("已邀请采购商（家）");
        Browsers.screenshot(browser, "board-phone-zh");

        // the units' column: short names on one line, in place while the directives scroll sideways
        assertThat(browser.findElements(By.cssSelector("#board tbody th[scope=row] .short-name")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList()).containsExactly("沈阳", "大连", "鞍山");
        Object rowHeight = page.executeScript("return document.querySelector('#board tbody th[scope=row]').getBoundingClientRect().height");
        assertThat(((Number) rowHeight).doubleValue()).as("a short name on one line, not a character a line").isLessThan(90);
        Object before = page.executeScript("return document.querySelector('#board tbody th[scope=row]').getBoundingClientRect().left");
        page.executeScript("document.querySelector('.board-wrap').scrollLeft = 300");
        Object scrolled = page.executeScript("return document.querySelector('.board-wrap').scrollLeft");
        assertThat(((Number) scrolled).intValue()).as("the board is wider than the phone").isPositive();
        Object after = page.executeScript("return document.querySelector('#board tbody th[scope=row]').getBoundingClientRect().left");
        assertThat(((Number) after).doubleValue()).as("the units' column stays in place")
                .isCloseTo(((Number) before).doubleValue(), org.assertj.core.data.Offset.offset(1.0));
        Browsers.screenshot(browser, "board-phone-scrolled-zh");
        page.executeScript("document.querySelector('.board-wrap').scrollLeft = 0");

        // each cell a target a finger can hit, leading to the city's page
        Object smallest = page.executeScript("return Math.min(...Array.from(document.querySelectorAll('#board td'))"
                + ".filter(td => td.querySelector('a.status')).map(td => Math.min(td.getBoundingClientRect().width,"
                + " td.getBoundingClientRect().height)))");
        assertThat(((Number) smallest).doubleValue()).as("the smallest cell, in px").isGreaterThanOrEqualTo(44);
        assertThat(browser.findElement(By.cssSelector("#board a.status")).getAttribute("href")).contains("/units/shenyang?expoId=");

        // the figures keep their labels when their table folds into lines
        Object labels = page.executeScript("return Array.from(document.querySelectorAll('.columns table.list tbody td'))"
                + ".map(td => getComputedStyle(td, '::before').content).join(' ')");
        assertThat((String) labels).contains("完成").contains("目标");
    }
}
