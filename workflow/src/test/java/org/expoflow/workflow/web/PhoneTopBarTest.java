package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The top bar on a phone, at 390 px, in Chinese: a clerk's is one line (the product, 我的任务, 消息, 退出, English), the
 * office's with more pages two at most, where it used to take three; at a desk it still names who is signed in.
 */
@ExpoFlowTest
class PhoneTopBarTest extends BrowserJourney {

    /** One line of the bar: a line of text and the bar's padding, with room for the unread count's badge. */
    private static final int ONE_LINE_MOST = 48;
    private static final int TWO_LINES_MOST = 84;

    @Test
    void aClerksTopBarIsOneLineOnAPhone() throws Exception {
        onAPhone("shenyang");
        open("/tasks");

        assertThat(rowsOfTheBar()).as("everything in the bar on one line").isEqualTo(1);
        assertThat(barHeight()).isLessThanOrEqualTo(ONE_LINE_MOST);
        WebElement bar = browser.findElement(By.cssSelector("header.top"));
        assertThat(bar.getText()).contains("ExpoFlow", "我的任务", "消息", "退出", "English").doesNotContain("当前用户", "中文");
        assertThat(fitsTheScreen()).isTrue();
        screenshot("top-bar-clerk-phone");
    }

    @Test
    void theOfficesTopBarIsTwoLinesAtMostOnAPhoneAndNamesWhoIsSignedInAtADesk() throws Exception {
        onAPhone("coordinator");
        open("/console");

        assertThat(rowsOfTheBar()).isLessThanOrEqualTo(2);
        assertThat(barHeight()).isLessThanOrEqualTo(TWO_LINES_MOST);
        assertThat(browser.findElement(By.cssSelector("header.top")).getText()).contains("督办台", "我的任务", "进展看板", "退出");
        screenshot("top-bar-coordinator-phone");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(DESK_WIDTH, DESK_HEIGHT));
        open("/console");
        assertThat(browser.findElement(By.cssSelector("header.top")).getText()).contains("ExpoFlow 展会筹备督办", "当前用户", "中文", "English");
        assertThat(rowsOfTheBar()).isEqualTo(1);
        screenshot("top-bar-coordinator-desk");
    }

    private long barHeight() {
        return Math.round(((Number) script("return document.querySelector('header.top').getBoundingClientRect().height")).doubleValue());
    }

    /** The lines the bar's visible pieces (brand, links, sign-out, language) sit on, told by their vertical middles. */
    @SuppressWarnings("unchecked")
    private long rowsOfTheBar() {
        List<Map<String, Object>> pieces = (List<Map<String, Object>>) script(
                "return Array.from(document.querySelectorAll('header.top .brand, header.top nav > a, header.top nav > form,"
                        + " header.top .lang a')).filter(e => e.offsetParent !== null)"
                        + ".map(e => { const r = e.getBoundingClientRect(); return {middle: (r.top + r.bottom) / 2}; })");
        List<Double> middles = pieces.stream().map(piece -> ((Number) piece.get("middle")).doubleValue()).sorted().toList();
        long rows = 1;
        for (int i = 1; i < middles.size(); i++) {
            if (middles.get(i) - middles.get(i - 1) > 12) {
                rows++;
            }
        }
        return rows;
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
