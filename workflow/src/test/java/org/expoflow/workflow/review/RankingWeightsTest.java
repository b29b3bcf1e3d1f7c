package org.expoflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The office sets the weights its units are scored by, and the ranking follows them: 沈阳 does all its steps on time
 * and invites all its buyers but has one step sent back; 大连 does its first step on time and invites no one. By the
 * default weights 沈阳 leads; once the office weighs figures at 0, 大连 does. A clerk or a leader changes nothing; a
 * weight below 0, above 100, missing, not a number, or all of them 0 is refused naming its field, and nothing is
 * stored. Each change is in the security audit log; the page shows the form to the office alone.
 */
@ExpoFlowTest
class RankingWeightsTest {

    private static final Map<String, Object> FIGURES_LEFT_OUT = map("onTime", 30, "daysLate", 20, "chaseUps", 15,
            "returns", 10, "reports", 10, "figures", 0);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void theOfficeWeighsTheScoreAndTheRankingFollows() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        String directive = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title",
                "邀请日本采购商", "dueAt", Instant.now().plus(Duration.ofDays(10)).toString(), "unitIds", List.of("shenyang", "dalian"),
                "targets", map("buyersInvited", 50))).field("id");
        complete("shenyang", directive, "draftInvitationList", map("values", map("invitationList", "大阪商工会议所 等 50 家")));
        complete("shenyang", directive, "sendInvitations", map("figures", map("buyersInvited", 50)));
        complete("shenyang", directive, "confirmBuyers", map("figures", map("buyersConfirmed", 20)));
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "确认人数有误",
                "returnTo", "confirmBuyers"), step(directive, "shenyang", "reviewInvitations")).status().value()).isEqualTo(204);
        complete("shenyang", directive, "confirmBuyers", map("figures", map("buyersConfirmed", 18)));
        complete("dalian", directive, "draftInvitationList", map("values", map("invitationList", "关西经济联合会")));

        // by the defaults: 沈阳 (30·100 + 20·100 + 15·100 + 10·80 + 10·100 + 15·100) / 100; 大连 without its figures
        assertThat(standings(expoId)).containsExactly("shenyang 98.0", "dalian 85.0");
        assertThat(as("leader").get("/api/expos/{e}/ranking/weights", expoId).body().path("byDefault").asBoolean()).isTrue();

        // neither a unit's clerk nor a leader sets them
        assertThat(as("shenyang").put("/api/expos/{e}/ranking/weights", FIGURES_LEFT_OUT, expoId).status().value()).isEqualTo(403);
        assertThat(as("leader").put("/api/expos/{e}/ranking/weights", FIGURES_LEFT_OUT, expoId).status().value()).isEqualTo(403);
        assertThat(as("shenyang").get("/api/expos/{e}/ranking/weights", expoId).status().value()).isEqualTo(403);

        // bad weights are refused naming the field, in the reader's words
        refused(coordinator, expoId, with("figures", -1), "figures", "指标完成权重");
        refused(coordinator, expoId, with("onTime", 100.5), "onTime", "0 到 100");
        refused(coordinator, expoId, with("returns", 12.345), "returns", "两位小数");
        refused(coordinator, expoId, with("daysLate", null), "daysLate", "请填写");
        refused(coordinator, expoId, with("reports", "很多"), "reports", null);
        refused(coordinator, expoId, map("onTime", 0, "daysLate", 0, "chaseUps", 0, "returns", 0, "reports", 0, "figures", 0),
                "weights", "不能都是 0");
        assertThat(as("leader").get("/api/expos/{e}/ranking/weights", expoId).body().path("byDefault").asBoolean())
                .as("nothing stored").isTrue();
        assertThat(standings(expoId)).containsExactly("shenyang 98.0", "dalian 85.0");

        ExpoFlowClient.Answer changed = coordinator.put("/api/expos/{e}/ranking/weights", FIGURES_LEFT_OUT, expoId);
        assertThat(changed.status().value()).as("%s", changed.body()).isEqualTo(200);
        assertThat(changed.body().path("byDefault").asBoolean()).isFalse();
        assertThat(changed.field("changedBy")).isEqualTo("coordinator");

        // figures out of it: 沈阳 (30·100 + 20·100 + 15·100 + 10·80 + 10·100) / 85, 大连 all 100
        assertThat(standings(expoId)).containsExactly("dalian 100.0", "shenyang 97.6");
        JsonNode weights = as("leader").get("/api/expos/{e}/ranking", expoId).body().path("settings").path("weights");
        assertThat(weights.path("figures").decimalValue()).isZero();
        assertThat(weights.path("onTime").decimalValue()).isEqualByComparingTo("30");
        assertThat(jdbc.queryForList("select what from audit_entry where action = 'RANKING_WEIGHTS_CHANGED' and actor = 'coordinator'"
                + " and what like ?", String.class, "%expoId=" + expoId + "%"))
                .singleElement().asString().contains("figures 15 (defaults)").contains("figures 0");
        assertThat(as("leader").get("/api/expos/{e}/ranking/weights", "no-such-expo").status().value()).isEqualTo(404);

        // the notice as the pages link it, by the new weights; the API's door would not know the page's session
        PageSession leader = PageSession.signedIn("http://localhost:" + port, "leader");
        assertThat(leader.status("/api/expos/" + expoId + "/ranking?format=docx")).isEqualTo(401);
        try (XWPFDocument notice = new XWPFDocument(new ByteArrayInputStream(
                leader.download("/board/" + expoId + "/ranking/notice?format=docx")));
             XWPFWordExtractor text = new XWPFWordExtractor(notice)) {
            assertThat(text.getText()).contains("一、表现较好的单位").contains("大连市（100.0分，按时完成1项，无逾期")
                    .contains("指标完成0。");
        }
    }

    @Test
    void theOfficeChangesTheWeightsOnTheRankingPage() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "tieling");
        String base = "http://localhost:" + port;
        String page = "/board/" + expoId + "/ranking";

        String leaders = PageSession.signedIn(base, "leader").get(page);
        assertThat(leaders).contains("评分权重").contains("目前使用系统默认权重").doesNotContain("weightsForm");
        assertThat(PageSession.signedIn(base, "tieling").postStatus("/tasks", page + "/weights", "onTime", "90"))
                .as("a clerk").isEqualTo(403);

        PageSession office = PageSession.signedIn(base, "coordinator");
        assertThat(office.get(page)).contains("id=\"weightsForm\"").contains("name=\"onTime\"").contains("value=\"30\"");
        String refused = office.post(page, page + "/weights", "onTime", "三十", "daysLate", "20", "chaseUps", "15", "returns",
                "10", "reports", "10", "figures", "-5");
        assertThat(refused).contains("“三十”不是数字").contains("value=\"三十\"").contains("id=\"weight-onTime-error\"");
        assertThat(as("coordinator").get("/api/expos/{e}/ranking/weights", expoId).body().path("byDefault").asBoolean())
                .as("nothing stored").isTrue();

        String saved = office.post(page, page + "/weights", "onTime", "40", "daysLate", "20", "chaseUps", "15", "returns", "10",
                "reports", "10", "figures", "5.5");
        assertThat(saved).contains("权重已保存").contains("按时完成 40").contains("指标完成 5.5").contains("由督办");
        JsonNode stored = as("coordinator").get("/api/expos/{e}/ranking/weights", expoId).body();
        assertThat(stored.path("weights").path("onTime").decimalValue()).isEqualByComparingTo("40");
        assertThat(stored.path("weights").path("figures").decimalValue()).isEqualByComparingTo("5.5");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> weights = new java.util.HashMap<>(FIGURES_LEFT_OUT);
        if (value == null) {
            weights.remove(field);
        } else {
            weights.put(field, value);
        }
        return weights;
    }

    private static void refused(ExpoFlowClient coordinator, String expoId, Map<String, Object> weights, String field, String said) {
        ExpoFlowClient.Answer refused = coordinator.put("/api/expos/{e}/ranking/weights", weights, expoId);
        assertThat(refused.status().value()).as("%s: %s", weights, refused.body()).isEqualTo(400);
        assertThat(refused.field("field")).as("%s", refused.body()).isEqualTo(field);
        if (said != null) {
            assertThat(refused.field("detail")).contains(said);
        }
    }

    /** The month's ranking as "unit score", best first. */
    private List<String> standings(String expoId) {
        List<String> standings = new ArrayList<>();
        as("leader").get("/api/expos/{e}/ranking", expoId).body().path("units")
                .forEach(unit -> standings.add(unit.path("unitId").asText() + " " + unit.path("score").asText()));
        return standings;
    }

    private void complete(String unit, String directive, String stepKey, Map<String, Object> body) {
        assertThat(as(unit).post("/api/tasks/{t}/complete", body, step(directive, unit, stepKey)).status().value())
                .as(unit + " completes " + stepKey).isEqualTo(204);
    }

    private String step(String directive, String unit, String stepKey) {
        for (JsonNode task : as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE&size=100", directive).body().path("items")) {
            if (task.path("unitId").asText().equals(unit) && task.path("stepKey").asText().equals(stepKey)) {
                return task.path("id").asText();
            }
        }
        return null;
    }
}
