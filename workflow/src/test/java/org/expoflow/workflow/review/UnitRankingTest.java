package org.expoflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.FindBoard;
import org.expoflow.projections.api.UnitDirectiveStatus;
import org.expoflow.projections.catalogue.BoardQueries;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The month's ranking of units (考核评分) from a month whose counts are known: 沈阳 does all its steps on time but has
 * one sent back; 大连 does one on time, one late and leaves one overdue; 鞍山 does nothing and is chased up; 抚顺 does one
 * on time and leaves the next overdue. Each unit's counts, parts and score are as the default weights make them, best
 * first; a month that is no month, or has not begun, is refused naming {@code month}.
 */
@ExpoFlowTest
class UnitRankingTest {

    @LocalServerPort
    int port;

    @Autowired
    BoardQueries boards;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void theMonthRanksTheUnitsOnTheirStepsChaseUpsReturnsAndFigures() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian", "anshan", "fushun");
        Instant due = Instant.now().plusSeconds(20);
        String directive = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title",
                "邀请日本采购商", "dueAt", due.toString(), "unitIds", List.of("shenyang", "dalian", "anshan", "fushun"),
                "targets", map("buyersInvited", 50))).field("id");

        // before the deadline: 沈阳 all three steps, sent back once from its last and done again; 大连 and 抚顺 their first
        complete("shenyang", directive, "draftInvitationList", map("values", map("invitationList", "大阪商工会议所 等 50 家")));
        complete("shenyang", directive, "sendInvitations", map("figures", map("buyersInvited", 50)));
        complete("shenyang", directive, "confirmBuyers", map("figures", map("buyersConfirmed", 20)));
        String review = step(directive, "shenyang", "reviewInvitations");
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "确认人数有误",
                "returnTo", "confirmBuyers"), review).status().value()).isEqualTo(204);
        complete("shenyang", directive, "confirmBuyers", map("figures", map("buyersConfirmed", 18)));
        complete("dalian", directive, "draftInvitationList", map("values", map("invitationList", "关西经济联合会")));
        complete("fushun", directive, "draftInvitationList", map("values", map("invitationList", "大阪府商会")));
        assertThat(Instant.now()).as("the steps meant to be on time were done before the deadline").isBefore(due);

        // after it: 大连 sends its invitations late; 鞍山's first step is chased up
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(due.plusSeconds(1))
                && step(directive, "anshan", "chaseUpUnit") != null);
        complete("dalian", directive, "sendInvitations", map("figures", map("buyersInvited", 25)));
        ExpoFlowClient.Answer chasedUp = coordinator.post("/api/tasks/{t}/chase-up", map("message", "请今天发出邀请"),
                step(directive, "anshan", "draftInvitationList"));
        assertThat(chasedUp.status().is2xxSuccessful()).as("chased up: %s", chasedUp.body()).isTrue();

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        ExpoFlowClient.Answer answer = as("leader").get("/api/expos/{e}/ranking?month={m}", expoId, month);
        assertThat(answer.status().value()).isEqualTo(200);
        assertThat(answer.field("month")).isEqualTo(month);
        Map<String, JsonNode> units = new HashMap<>();
        answer.body().path("units").forEach(unit -> units.put(unit.path("unitId").asText(), unit));
        assertThat(units).containsOnlyKeys("shenyang", "dalian", "anshan", "fushun");

        assertCounts(units.get("shenyang"), 3, 0, 0, 0, 1);
        assertCounts(units.get("dalian"), 1, 1, 1, 0, 0);
        assertCounts(units.get("anshan"), 0, 0, 1, 1, 0);
        assertCounts(units.get("fushun"), 1, 0, 1, 0, 0);

        JsonNode shenyang = units.get("shenyang");
        assertThat(parts(shenyang)).containsExactly(100.0, 100.0, 100.0, 80.0, 100.0, 100.0);
        // 30·100 + 20·100 + 15·100 + 10·80 + 10·100 + 15·100, over 100
        assertThat(shenyang.path("score").asDouble()).isEqualTo(98.0);
        JsonNode dalian = units.get("dalian");
        // one of three on time; 25 of its 50 buyers invited
        assertThat(parts(dalian)).containsExactly(33.3, 100.0, 100.0, 100.0, 100.0, 50.0);
        assertThat(dalian.path("score").asDouble()).isEqualTo(72.5);
        JsonNode anshan = units.get("anshan");
        // nothing done, nothing invited, chased up once
        assertThat(parts(anshan)).containsExactly(0.0, 100.0, 80.0, 100.0, 100.0, 0.0);
        assertThat(anshan.path("score").asDouble()).isEqualTo(52.0);
        JsonNode fushun = units.get("fushun");
        assertThat(parts(fushun)).containsExactly(50.0, 100.0, 100.0, 100.0, 100.0, 0.0);
        assertThat(fushun.path("score").asDouble()).isEqualTo(70.0);

        List<String> order = new java.util.ArrayList<>();
        List<Integer> ranks = new java.util.ArrayList<>();
        answer.body().path("units").forEach(unit -> {
            order.add(unit.path("unitId").asText());
            ranks.add(unit.path("rank").asInt());
        });
        assertThat(order).as("best first").containsExactly("shenyang", "dalian", "fushun", "anshan");
        assertThat(ranks).containsExactly(1, 2, 3, 4);
        assertThat(shenyang.path("trend").isNumber()).as("no month before to compare with: the units were enrolled this month")
                .isFalse();

        ExpoFlowClient.Answer asJson = as("leader").get("/api/expos/{e}/ranking?month={m}&format=json", expoId, month);
        assertThat(asJson.body().path("units")).isEqualTo(answer.body().path("units"));

        // the board of the present from its kept cells: as the steps themselves make it, after returns, chase-ups, reviews
        Board kept = boards.board(new FindBoard(expoId, null));
        assertThat(kept.units()).isEqualTo(boards.boardFromSteps(expoId).units());
        assertThat(kept.units().stream().filter(unit -> unit.unitId().equals("shenyang")).findFirst().orElseThrow().cells())
                .singleElement().satisfies(cell -> assertThat(cell.status()).isEqualTo(UnitDirectiveStatus.SUBMITTED));
    }

    @Test
    void aMonthThatIsNoMonthOrHasNotBegunIsRefusedNamingIt() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "tieling");
        for (String month : List.of("2030-13", "03-2030", "下个月")) {
            ExpoFlowClient.Answer refused = as("leader").get("/api/expos/{e}/ranking?month={m}", expoId, month);
            assertThat(refused.status().value()).as(month).isEqualTo(400);
            assertThat(refused.field("field")).isEqualTo("month");
            assertThat(refused.field("detail")).contains(month).contains("不是月份");
        }
        String next = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        ExpoFlowClient.Answer future = as("leader").get("/api/expos/{e}/ranking?month={m}", expoId, next);
        assertThat(future.status().value()).isEqualTo(400);
        assertThat(future.field("field")).isEqualTo("month");
        assertThat(future.field("detail")).contains("还没有开始");
        ExpoFlowClient.Answer format = as("leader").get("/api/expos/{e}/ranking?format=odt", expoId);
        assertThat(format.status().value()).isEqualTo(400);
        assertThat(format.field("field")).isEqualTo("format");
        assertThat(as("tieling").get("/api/expos/{e}/ranking", expoId).status().value())
                .as("a unit's clerk does not rank the units").isEqualTo(403);
    }

    private void complete(String unit, String directive, String stepKey, Map<String, Object> body) {
        assertThat(as(unit).post("/api/tasks/{t}/complete", body, step(directive, unit, stepKey)).status().value())
                .as(unit + " completes " + stepKey).isEqualTo(204);
    }

    /** The active step of a unit on the directive by its key, or null. */
    private String step(String directive, String unit, String stepKey) {
        for (JsonNode task : as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE&size=100", directive).body().path("items")) {
            if (task.path("unitId").asText().equals(unit) && task.path("stepKey").asText().equals(stepKey)) {
                return task.path("id").asText();
            }
        }
        return null;
    }

    private static void assertCounts(JsonNode unit, int onTime, int late, int overdue, int chaseUps, int returns) {
        JsonNode counts = unit.path("counts");
        assertThat(List.of(counts.path("onTime").asInt(), counts.path("late").asInt(), counts.path("overdue").asInt(),
                counts.path("chaseUps").asInt(), counts.path("returns").asInt()))
                .as(unit.path("unitId").asText() + ": on time, late, overdue, chase-ups, returns")
                .containsExactly(onTime, late, overdue, chaseUps, returns);
        assertThat(counts.path("daysLate").asDouble()).as("late by seconds, not days").isZero();
    }

    private static List<Double> parts(JsonNode unit) {
        JsonNode parts = unit.path("parts");
        return List.of(parts.path("onTime").asDouble(), parts.path("daysLate").asDouble(), parts.path("chaseUps").asDouble(),
                parts.path("returns").asDouble(), parts.path("reports").asDouble(), parts.path("figures").asDouble());
    }
}
