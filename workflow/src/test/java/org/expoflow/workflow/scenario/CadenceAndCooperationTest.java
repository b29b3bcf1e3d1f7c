package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.notifications.Reminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A directive issued with a weekly report and a co-operating unit (牵头/协办): Anshan co-operates on Shenyang's
 * task, sees it in its list and reports on it; the board names both; when a week passes without a report, Shenyang
 * and Anshan are reminded. A cadence shorter than a day, or a co-operating unit not enrolled, is refused naming
 * the field, and nothing is issued.
 */
@ExpoFlowTest
class CadenceAndCooperationTest {

    @LocalServerPort
    int port;

    @Autowired
    Reminders reminders;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aCoOperatingUnitWorksOnTheLeadsTaskAndBothAreRemindedOfAMissingReport() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "shenyang", "anshan");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "邀请采购商", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"), "reportEvery", "P7D",
                "cooperatingUnits", map("shenyang", List.of("anshan")))).field("id");

        String step = OsakaFixture.firstActiveTask(as("anshan"), directiveId);
        assertThat(as("anshan").get("/api/tasks/{t}", step).body().path("unitId").asText()).isEqualTo("shenyang");
        assertThat(as("anshan").get("/api/inbox").body().findParents("notice").stream()
                .filter(item -> item.path("notice").asText().equals("NEW_STEP")).map(item -> item.path("taskId").asText()))
                .as("the co-operating unit hears of the step too").contains(step);
        assertThat(as("anshan").post("/api/tasks/{t}/progress", map("percent", 20, "note", "鞍山已联系 12 家"), step)
                .status().value()).isEqualTo(204);
        assertThat(as("leader").post("/api/tasks/{t}/comments", map("text", "两市合力", "instruction", true), step)
                .status().is2xxSuccessful()).isTrue();
        assertThat(as("anshan").get("/api/inbox").body().findParents("notice").stream()
                .filter(item -> item.path("notice").asText().equals("INSTRUCTION")).map(item -> item.path("taskId").asText()))
                .as("leadership's instruction on the step reaches its co-operating unit").contains(step);
        JsonNode board = as("leader").get("/api/expos/{e}/board", expoId).body();
        JsonNode shenyangCell = cellOf(board, "shenyang", directiveId);
        assertThat(shenyangCell.path("cooperatingUnits").toString()).isEqualTo("[\"anshan\"]");
        assertThat(shenyangCell.path("reportOverdue").asBoolean()).isFalse();
        assertThat(cellOf(board, "anshan", directiveId).path("cooperatesWith").asText()).isEqualTo("shenyang");

        Instant reportDue = Instant.parse(shenyangCell.path("reportDueAt").asText());
        reminders.remindDue(reportDue.plus(Duration.ofHours(1)));
        reminders.remindDue(reportDue.plus(Duration.ofHours(2)));

        for (String unit : List.of("shenyang", "anshan")) {
            assertThat(as(unit).get("/api/inbox").body().findParents("notice").stream()
                    .filter(item -> item.path("notice").asText().equals("REPORT_DUE") && item.path("taskId").asText().equals(step))
                    .map(item -> item.path("text").asText()).toList())
                    .as(unit).singleElement().satisfies(text -> assertThat(text).contains("每 7 天").contains("邀请采购商"));
        }
    }

    @Test
    void aCadenceShorterThanADayOrACoOperatingUnitNotEnrolledIsRefusedNamingTheField() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "dalian");
        int directives = jdbc.queryForObject("select count(*) from directive_view", Integer.class);

        ExpoFlowClient.Answer hourly = as("coordinator").withHeader("Accept-Language", "zh-CN").post("/api/directives",
                map("expoId", expoId, "kind", "invite-buyers", "title", "邀请", "dueOn", "2030-02-01",
                        "unitIds", List.of("dalian"), "reportEvery", "PT12H"));
        ExpoFlowClient.Answer stranger = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "邀请", "dueOn", "2030-02-01", "unitIds", List.of("dalian"),
                "cooperatingUnits", map("dalian", List.of("tieling"))));

        assertThat(hourly.status().value()).isEqualTo(400);
        assertThat(hourly.field("field")).isEqualTo("reportEvery");
        assertThat(hourly.field("detail")).contains("汇报周期").contains("PT12H");
        assertThat(stranger.status().value()).isEqualTo(400);
        assertThat(stranger.field("field")).isEqualTo("cooperatingUnits.dalian");
        assertThat(jdbc.queryForObject("select count(*) from directive_view", Integer.class)).isEqualTo(directives);
    }

    private static JsonNode cellOf(JsonNode board, String unitId, String directiveId) {
        for (JsonNode unit : board.path("units")) {
            if (unit.path("unitId").asText().equals(unitId)) {
                for (JsonNode cell : unit.path("cells")) {
                    if (cell.path("directiveId").asText().equals(directiveId)) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("no cell of " + unitId + " on " + directiveId + " in " + board);
    }
}
