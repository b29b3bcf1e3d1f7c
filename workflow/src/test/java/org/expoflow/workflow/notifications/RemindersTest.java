package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit hears of an open step's deadline in tiers: a week before it (the due-soon notice follows at three
 * days, the overdue one at the deadline), then every day it stays overdue; each tier once, however often the
 * reminders look, and again from the start when the deadline is extended.
 */
@ExpoFlowTest
class RemindersTest {

    @LocalServerPort
    int port;

    @Autowired
    Reminders reminders;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aUnitIsRemindedAWeekAheadThenEveryDayItIsOverdueEachTierOnce() {
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "liaoyang"),
                "liaoyang");
        String step = OsakaFixture.firstActiveTask(as("liaoyang"), directiveId);
        Instant dueAt = Instant.parse(as("liaoyang").get("/api/tasks/{t}", step).field("dueAt"));

        reminders.remindDue(dueAt.minus(Duration.ofDays(8)));
        assertThat(reminded(step)).as("more than a week ahead").isEmpty();

        reminders.remindDue(dueAt.minus(Duration.ofDays(6)));
        reminders.remindDue(dueAt.minus(Duration.ofDays(5)));
        assertThat(reminded(step)).containsExactly("辽阳市：“拟定邀请名单”（Invite）还有 6 天到期，期限 2030年2月1日");

        reminders.remindDue(dueAt.plus(Duration.ofHours(12)));
        assertThat(reminded(step)).as("the deadline's own overdue notice says it on the day").hasSize(1);

        reminders.remindDue(dueAt.plus(Duration.ofDays(1).plusHours(1)));
        reminders.remindDue(dueAt.plus(Duration.ofDays(1).plusHours(2)));
        reminders.remindDue(dueAt.plus(Duration.ofDays(2).plusHours(1)));
        assertThat(reminded(step)).hasSize(3).anyMatch(text -> text.contains("已逾期 1 天"))
                .anyMatch(text -> text.contains("已逾期 2 天"));
    }

    @Test
    void anExtendedDeadlineStartsTheTiersAgain() {
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "fushun"),
                "fushun");
        String step = OsakaFixture.firstActiveTask(as("fushun"), directiveId);
        Instant dueAt = Instant.parse(as("fushun").get("/api/tasks/{t}", step).field("dueAt"));
        reminders.remindDue(dueAt.minus(Duration.ofDays(6)));

        assertThat(as("coordinator").post("/api/tasks/{t}/extend", map("dueOn", "2030-03-01", "reason", "展期"), step)
                .status().value()).isEqualTo(204);
        Instant extended = Instant.parse(as("fushun").get("/api/tasks/{t}", step).field("dueAt"));
        reminders.remindDue(dueAt.plus(Duration.ofDays(1).plusHours(1)));
        reminders.remindDue(extended.minus(Duration.ofDays(2)));

        assertThat(reminded(step)).hasSize(2).noneMatch(text -> text.contains("逾期"))
                .anyMatch(text -> text.contains("还有 2 天到期") && text.contains("2030年3月1日"));
    }

    private List<String> reminded(String step) {
        return ExpoFlowClient.as("http://localhost:" + port, unitOf(step)).get("/api/inbox").body().findParents("taskId").stream()
                .filter(item -> item.path("taskId").asText().equals(step))
                .filter(item -> item.path("notice").asText().startsWith("REMINDER_"))
                .map(item -> item.path("text").asText()).toList();
    }

    private String unitOf(String step) {
        return as("coordinator").get("/api/tasks/{t}", step).field("unitId");
    }
}
