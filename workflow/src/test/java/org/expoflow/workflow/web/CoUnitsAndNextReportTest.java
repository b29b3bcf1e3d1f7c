package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;
import static org.expoflow.workflow.web.ListsAtAGlanceTest.row;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Co-units and cadence, right: on the issue form the office chooses the co-operating units under each lead unit, and
 * each helps only the leads it was chosen for; a co-unit's list marks every step it helps on 协办 and names that
 * step's own lead, and the board names all the leads a co-unit helps. A directive wanting a report every week shows
 * the next report's date (下次汇报 12月14日) on the step and in the list; a report missed shows in red there and in the
 * office's console.
 */
@ExpoFlowTest
class CoUnitsAndNextReportTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日");

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
    void coUnitsAreChosenPerLeadAndTheCoUnitsListNamesEachStepsLead() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "shenyang", "dalian", "anshan", "benxi", "dandong");
        PageSession office = PageSession.signedIn(base(), "coordinator");
        String title = "分头邀请采购商 " + UUID.randomUUID();
        office.post("/console?expoId=" + expoId, "/console/" + expoId + "/directives", "kind", "invite-buyers", "title", title,
                "dueOn", "2030-02-01", "unitIds", "shenyang", "unitIds", "dalian", "unitIds", "anshan",
                "cooperatingUnits.shenyang", "benxi", "cooperatingUnits.dalian", "benxi", "cooperatingUnits.dalian", "dandong");
        String directiveId = directiveTitled(expoId, title);

        assertThat(leadsHelpedBy("benxi", directiveId)).as("Benxi helps the two leads it was chosen for, not Anshan")
                .containsExactlyInAnyOrder("shenyang", "dalian");
        assertThat(leadsHelpedBy("dandong", directiveId)).as("Dandong helps Dalian only").containsExactly("dalian");

        // a co-unit helping three cities: each step of its list marked 协办, naming its own lead
        String three = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "三市协办", "dueOn", "2030-02-01", "unitIds", List.of("shenyang", "dalian", "anshan"),
                "cooperatingUnits", map("shenyang", List.of("benxi"), "dalian", List.of("benxi"), "anshan", List.of("benxi"))))
                .field("id");
        String list = PageSession.signedIn(base(), "benxi").get("/tasks?directiveId=" + three);
        Map<String, String> leadName = Map.of("shenyang", "沈阳市", "dalian", "大连市", "anshan", "鞍山市");
        for (JsonNode step : as("benxi").get("/api/tasks?directiveId={d}&status=ACTIVE", three).body().path("items")) {
            assertThat(row(list, step.path("id").asText())).as("the step led by " + step.path("unitId").asText())
                    .contains("协办").contains("牵头：" + leadName.get(step.path("unitId").asText()));
        }
        assertThat(list).contains("牵头：沈阳市").contains("牵头：大连市").contains("牵头：鞍山市");

        String console = office.get("/console?expoId=" + expoId);
        String issued = console.substring(console.indexOf(">三市协办<"));
        assertThat(issued.substring(0, issued.indexOf("</tr>"))).as("the console counts the three leads, not Benxi")
                .contains("0 / 3");

        String board = PageSession.signedIn(base(), "leader").get("/board?expoId=" + expoId);
        assertThat(board).as("the board names every lead Benxi helps").contains("协办（牵头：沈阳市、大连市、鞍山市）");
    }

    @Test
    void theNextReportShowsOnTheStepAndInTheListAndAMissedOneToTheOffice() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "jinzhou", "fuxin");
        String weekly = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "每周汇报邀请进展", "dueOn", "2030-02-01", "unitIds", List.of("jinzhou"), "reportEvery", "P7D")).field("id");
        String step = OsakaFixture.firstActiveTask(as("jinzhou"), weekly);
        Instant reportDue = Instant.parse(cell(as("leader").get("/api/expos/{e}/board", expoId).body(), "jinzhou", weekly)
                .path("reportDueAt").asText());
        String nextReport = "下次汇报 " + MONTH_DAY.format(reportDue.atZone(PROVINCE));

        PageSession clerk = PageSession.signedIn(base(), "jinzhou");
        assertThat(row(clerk.get("/tasks?directiveId=" + weekly), step)).contains(nextReport);
        assertThat(clerk.get("/tasks/" + step)).contains("id=\"nextReport\"").contains(nextReport);

        // a weekly directive issued eight days ago to Fuxin, which has not reported since
        String missed = UUID.randomUUID().toString();
        Instant issued = Instant.now().minus(Duration.ofDays(8));
        transactions.executeWithoutResult(status -> events.publish(new GenericDomainEventMessage<>("Directive", missed, 0,
                new DirectiveIssued(missed, expoId, "invite-buyers", "阜新每周汇报", null, LocalDate.of(2030, 2, 1),
                        Instant.parse("2030-02-01T15:59:59Z"), List.of("fuxin"), Map.of(), null, "P7D", Map.of()),
                MetaData.with("actor", "coordinator"), UUID.randomUUID().toString(), issued)));
        String owed = "应于" + MONTH_DAY.format(issued.plus(Duration.ofDays(7)).atZone(PROVINCE)) + "汇报";
        String fuxinStep = OsakaFixture.firstActiveTask(as("fuxin"), missed);

        String console = PageSession.signedIn(base(), "coordinator").get("/console?expoId=" + expoId);
        assertThat(console).as("the office sees the report missed").contains("id=\"reportsMissed\"")
                .contains("阜新市 · 阜新每周汇报 · " + owed).doesNotContain("锦州市 · 每周汇报邀请进展");
        assertThat(row(PageSession.signedIn(base(), "coordinator").get("/tasks?directiveId=" + missed), fuxinStep))
                .contains("汇报逾期");
        assertThat(row(PageSession.signedIn(base(), "fuxin").get("/tasks?directiveId=" + missed), fuxinStep))
                .contains("汇报逾期").contains("missed");
    }

    /** The directive of an expo with this title, as the console issued it. */
    private String directiveTitled(String expoId, String title) {
        for (JsonNode directive : as("leader").get("/api/expos/{e}/board", expoId).body().path("directives")) {
            if (directive.path("title").asText().equals(title)) {
                return directive.path("directiveId").asText();
            }
        }
        throw new AssertionError("no directive titled " + title + ": the issue form was refused");
    }

    /** The units whose steps of a directive a co-unit sees as co-operating. */
    private List<String> leadsHelpedBy(String coUnit, String directiveId) {
        List<String> leads = new ArrayList<>();
        for (JsonNode step : as(coUnit).get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items")) {
            assertThat(step.path("cooperatingUnits").toString()).contains(coUnit);
            leads.add(step.path("unitId").asText());
        }
        return leads;
    }

    private static JsonNode cell(JsonNode board, String unitId, String directiveId) {
        for (JsonNode unit : board.path("units")) {
            if (unit.path("unitId").asText().equals(unitId)) {
                for (JsonNode cell : unit.path("cells")) {
                    if (cell.path("directiveId").asText().equals(directiveId)) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("no cell of " + unitId + " on " + directiveId);
    }
}
