package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lists a busy clerk reads in five seconds: each row says where the step stands (办理中 once reported on, claimed or
 * not, never 待领取 at 80%) and how long is left or how late it is (剩余N天 / 超期N天; the office's overdue list too,
 * not "逾期天数: 0.0"); taking a step on is explained where it is offered. Units come in the register's order
 * (沈阳、大连、鞍山…) on the board, the statistics, the console's forms, the lists' filters and a meeting's changes,
 * and kinds by their names in the reader's language.
 */
@ExpoFlowTest
class ListsAtAGlanceTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");
    private static final Pattern ROW = Pattern.compile("<tr[^>]*class=\"task-row[^\"]*\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    EventGateway events;

    @Autowired
    TransactionTemplate transactions;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as(base(), user);
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aRowSaysWhereItsStepStandsAndHowLongIsLeftOrHowLateItIs() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "liaoyang");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "liaoyang");
        String step = OsakaFixture.firstActiveTask(as("liaoyang"), directiveId);
        assertThat(as("liaoyang").post("/api/tasks/{t}/progress", map("percent", 80, "note", "已联系40家"), step)
                .status().value()).isEqualTo(204);
        // a step of the unit three days past its deadline, as a task's events would be stored
        Instant lateDue = Instant.now().minus(Duration.ofDays(3)).minus(Duration.ofHours(1));
        String late = UUID.randomUUID().toString();
        String lateDirective = "late-" + late;
        transactions.executeWithoutResult(status -> publish(late, 0, new TaskAssigned(late, expoId, lateDirective, "liaoyang",
                "process-" + late, "weeklyReport", "辽阳周报", "liaoyang", lateDue, Set.of(), null, false)));
        try {
            PageSession clerk = PageSession.signedIn(base(), "liaoyang");
            long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(PROVINCE), LocalDate.of(2030, 2, 1));
            assertThat(row(clerk.get("/tasks?directiveId=" + directiveId), step)).as("a step reported on at 80%, not taken")
                    .contains("办理中").doesNotContain("待领取").contains("剩余" + daysLeft + "天").contains("80%");
            long daysLate = ChronoUnit.DAYS.between(lateDue.atZone(PROVINCE).toLocalDate(), LocalDate.now(PROVINCE));
            assertThat(row(clerk.get("/tasks?directiveId=" + lateDirective), late)).contains("待办理").contains("超期" + daysLate + "天")
                    .contains("countdown-LATE");
            assertThat(clerk.get("/tasks/" + step)).as("taking the step on, explained where it is offered")
                    .contains("id=\"claimHint\"").contains("不领取也可以报告进展和提交").contains("id=\"stepState\"");

            String console = PageSession.signedIn(base(), "coordinator").get("/console?expoId=" + expoId);
            assertThat(console).as("the office's overdue list in days late").contains("超期" + daysLate + "天").doesNotContain("逾期天数");
        } finally {
            transactions.executeWithoutResult(status -> publish(late, 1,
                    new TaskCompleted(late, lateDirective, "liaoyang", "liaoyang", Map.of(), Map.of(), null, null)));
        }
    }

    @Test
    void unitsComeInTheRegistersOrderAndKindsByTheirNames() throws Exception {
        // enrolled out of the register's order
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "anshan", "tieling", "dalian", "shenyang");
        OsakaFixture.inviteBuyers(as("coordinator"), expoId, "anshan", "tieling", "dalian", "shenyang");
        List<String> registerOrder = List.of("shenyang", "dalian", "anshan", "tieling");

        assertThat(unitIds(as("leader").get("/api/expos/{e}/board", expoId).body())).as("the board")
                .containsExactlyElementsOf(registerOrder);
        assertThat(unitIds(as("leader").get("/api/expos/{e}/statistics", expoId).body())).as("the statistics")
                .containsExactlyElementsOf(registerOrder);
        assertThat(unitIds(as("leader").get("/api/expos/{e}/figures", expoId).body())).as("the figures")
                .containsExactlyElementsOf(registerOrder);

        PageSession office = PageSession.signedIn(base(), "coordinator");
        String console = office.get("/console?expoId=" + expoId);
        assertThat(positions(console, registerOrder.stream().map(unit -> "id=\"unit-" + unit + "\"").toList()))
                .as("the issue form's units").isSorted();
        assertThat(positions(office.get("/tasks"), List.of(">沈阳市</option>", ">大连市</option>", ">鞍山市</option>",
                ">抚顺市</option>"))).as("the list's unit filter").isSorted();
        List<String> kinds = options(console, "kind");
        // those named in Chinese first, by name; a kind uploaded without Chinese words (by other tests) after them
        Collator chinese = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        List<String> byName = new ArrayList<>(kinds);
        byName.sort(java.util.Comparator.comparing((String name) -> !name.codePoints().anyMatch(
                point -> Character.UnicodeScript.of(point) == Character.UnicodeScript.HAN)).thenComparing(chinese));
        assertThat(kinds).as("kinds by their Chinese names").hasSizeGreaterThan(5).containsExactlyElementsOf(byName)
                .contains("邀请采购商");

        String meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "调度会",
                "heldAt", Instant.now().toString())).field("id");
        String meeting = PageSession.signedIn(base(), "leader").get("/meetings/" + meetingId);
        String changes = meeting.substring(meeting.indexOf("id=\"changesByUnit\""));
        assertThat(positions(changes, List.of("沈阳市", "大连市", "鞍山市", "铁岭市"))).as("the meeting's changes by unit").isSorted();
    }

    /** The units of a board, the statistics or the figures, in their order. */
    private static List<String> unitIds(JsonNode report) {
        List<String> units = new ArrayList<>();
        report.path("units").forEach(unit -> units.add(unit.path("unitId").asText()));
        return units;
    }

    /** The text of the list's row of a step, its tags taken out. */
    static String row(String list, String taskId) {
        Matcher row = ROW.matcher(list);
        while (row.find()) {
            if (row.group(1).contains("/tasks/" + taskId + "\"")) {
                return row.group(0).replaceAll("<[^>]+class=\"([^\"]+)\"[^>]*>", " [$1] ").replaceAll("<[^>]+>", " ")
                        .replaceAll("\\s+", " ");
            }
        }
        throw new AssertionError("no row of " + taskId + " in the list");
    }

    /** Where each of {@code texts} first appears in {@code page}; each must appear. */
    static List<Integer> positions(String page, List<String> texts) {
        return texts.stream().map(text -> {
            int at = page.indexOf(text);
            assertThat(at).as(text).isNotNegative();
            return at;
        }).toList();
    }

    /** The texts of a select's options. */
    private static List<String> options(String page, String selectId) {
        String select = page.substring(page.indexOf("<select id=\"" + selectId + "\""));
        select = select.substring(0, select.indexOf("</select>"));
        List<String> texts = new ArrayList<>();
        Matcher option = Pattern.compile("<option[^>]*>([^<]*)</option>").matcher(select);
        while (option.find()) {
            texts.add(option.group(1).strip());
        }
        return texts;
    }

    private void publish(String taskId, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Task", taskId, sequence, event, MetaData.with("actor", "liaoyang")));
    }
}
