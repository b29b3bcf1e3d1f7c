package org.expoflow.workflow.scenario;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Osaka exhibition across two coordination meetings. The first meeting hears Dalian's problems and
 * decides on a publicity directive; work goes on; the second meeting's brief shows what changed since the
 * first, while the board as of the first meeting, and the first brief, still read as they did then, also
 * after the read models are rebuilt from the events. The brief prints as a spreadsheet and a PDF with the
 * same numbers.
 */
@ExpoFlowTest
class OsakaMeetingsScenarioTest {

    @LocalServerPort
    int port;

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    private byte[] raw(String user, String path, Object... variables) {
        return TestClients.rest("http://localhost:" + port).get().uri(path, variables)
                .headers(headers -> headers.setBasicAuth(user, "demo")).retrieve().body(byte[].class);
    }

    @Test
    void theSecondMeetingSeesWhatChangedAndTheFirstStillReadsAsItDid() throws IOException {
        ExpoFlowClient coordinator = as("coordinator");
        ExpoFlowClient leader = as("leader");
        ExpoFlowClient shenyang = as("shenyang");
        ExpoFlowClient dalian = as("dalian");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        String invite = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang", "dalian");
        String draft = OsakaFixture.firstActiveTask(shenyang, invite);
        shenyang.post("/api/tasks/{t}/progress", map("percent", 50, "figures", map("buyersInvited", 10)), draft);
        shenyang.post("/api/tasks/{t}/complete", map(), draft);

        // the first meeting
        assertThat(shenyang.post("/api/meetings", map("expoId", expoId, "title", "ours", "heldAt", Instant.now().toString()))
                .status().value()).isEqualTo(403);
        ExpoFlowClient.Answer noTitle = leader.post("/api/meetings", map("expoId", expoId, "heldAt", Instant.now().toString()));
        assertThat(noTitle.status().value()).isEqualTo(400);
        assertThat(noTitle.field("field")).isEqualTo("title");
        String first = leader.post("/api/meetings", map("expoId", expoId, "title", "First coordination meeting",
                "heldAt", Instant.now().toString())).field("id");
        assertThat(coordinator.post("/api/meetings/{m}/reports", map("unitId", "dalian", "progress", "list half drafted",
                "problems", "no buyer database", "suggestions", "share Shenyang's list"), first).status().value()).isEqualTo(204);
        JsonNode decision = coordinator.post("/api/meetings/{m}/decisions", map("text", "Dalian promotes the expo on new media",
                "directives", List.of(map("expoId", expoId, "kind", "publicity", "title", "Promote the Osaka expo",
                        "dueOn", "2030-02-15", "unitIds", List.of("dalian"), "targets", map("publicityItems", 5)))), first).body();
        String publicity = decision.path("directiveIds").get(0).asText();
        assertThat(leader.post("/api/meetings/{m}/close", null, first).status().value()).isEqualTo(204);
        assertThat(coordinator.post("/api/meetings/{m}/reports", map("unitId", "shenyang", "progress", "late"), first)
                .status().value()).as("a closed meeting is frozen").isEqualTo(409);

        JsonNode firstMeeting = leader.get("/api/meetings/{m}", first).body();
        String firstAsOf = firstMeeting.path("asOf").asText();
        byte[] firstBrief = raw("leader", "/api/meetings/{m}/brief", first);
        byte[] firstBoard = raw("leader", "/api/expos/{e}/board?asOf={a}", expoId, firstAsOf);

        // work goes on
        String send = OsakaFixture.firstActiveTask(shenyang, invite);
        shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 42)), send);
        dalian.post("/api/tasks/{t}/progress", map("percent", 30, "figures", map("buyersInvited", 12)),
                OsakaFixture.firstActiveTask(dalian, invite));

        // the second meeting
        String second = leader.post("/api/meetings", map("expoId", expoId, "title", "Second coordination meeting",
                "heldAt", Instant.now().toString())).field("id");
        JsonNode brief = leader.get("/api/meetings/{m}/brief", second).body();
        assertThat(brief.path("previousMeetingId").asText()).isEqualTo(first);
        assertThat(brief.at("/changes/finishedTasks").findValuesAsText("taskId")).containsExactly(send);
        assertThat(brief.at("/changes/newTasks").findValuesAsText("directiveTitle"))
                .contains("Promote the Osaka expo", "Invite");
        assertThat(brief.at("/changes/figureDeltas/shenyang/buyersInvited").decimalValue()).isEqualByComparingTo("32");
        assertThat(brief.at("/changes/figureDeltas/dalian/buyersInvited").decimalValue()).isEqualByComparingTo("12");
        assertThat(brief.at("/figures/total/buyersInvited/value").decimalValue()).isEqualByComparingTo("54");
        assertThat(brief.at("/figures/total/publicityItems/target").decimalValue()).isEqualByComparingTo("5");
        assertThat(brief.path("board").path("units").findValuesAsText("directiveId")).contains(publicity);

        // the past does not move
        assertThat(raw("leader", "/api/expos/{e}/board?asOf={a}", expoId, firstAsOf)).isEqualTo(firstBoard);
        assertThat(raw("leader", "/api/meetings/{m}/brief", first)).isEqualTo(firstBrief);
        JsonNode boardThen = leader.get("/api/expos/{e}/board?asOf={a}", expoId, firstAsOf).body();
        assertThat(boardThen.path("directives").findValuesAsText("directiveId")).containsExactly(invite);
        assertThat(leader.get("/api/meetings/{m}/brief", first).body().at("/meeting/reports/0/problems").asText())
                .isEqualTo("no buyer database");

        // the files carry the same numbers
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                raw("leader", "/api/meetings/{m}/brief?format=xlsx", second)))) {
            Sheet figures = workbook.getSheet("各单位指标完成情况");
            DataFormatter format = new DataFormatter();
            Row total = StreamSupport.stream(figures.spliterator(), false)
                    .filter(row -> format.formatCellValue(row.getCell(0)).equals("合计")
                            && format.formatCellValue(row.getCell(1)).equals("已邀请采购商"))
                    .findFirst().orElseThrow();
            assertThat(format.formatCellValue(total.getCell(2))).isEqualTo("家");
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(54.0);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(100.0);
            assertThat(workbook.getSheet("单位汇报")).isNotNull();
        }
        byte[] pdf = raw("leader", "/api/meetings/{m}/brief?format=pdf", first);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("沈阳市").contains("First coordination meeting").contains("已邀请采购商")
                .doesNotContain("buyersInvited").contains("no buyer database");

        // rebuilt from the events, every view answers byte for byte as before
        byte[] secondBrief = raw("leader", "/api/meetings/{m}/brief", second);
        byte[] figuresThen = raw("leader", "/api/expos/{e}/figures?asOf={a}", expoId, firstAsOf);
        assertThat(as("admin").post("/api/admin/projections/read-models/rebuild?wait=true").status().value()).isEqualTo(200);
        assertThat(raw("leader", "/api/meetings/{m}/brief", first)).isEqualTo(firstBrief);
        assertThat(raw("leader", "/api/meetings/{m}/brief", second)).isEqualTo(secondBrief);
        assertThat(raw("leader", "/api/expos/{e}/board?asOf={a}", expoId, firstAsOf)).isEqualTo(firstBoard);
        assertThat(raw("leader", "/api/expos/{e}/figures?asOf={a}", expoId, firstAsOf)).isEqualTo(figuresThen);
    }

    @Test
    void statisticsListsAndTrendAnswerForTheOfficeAndLeadershipOnly() {
        ExpoFlowClient coordinator = as("coordinator");
        ExpoFlowClient leader = as("leader");
        String expoId = OsakaFixture.osakaWith(coordinator, "anshan", "fushun");
        String invite = OsakaFixture.inviteBuyers(coordinator, expoId, "anshan", "fushun");
        as("anshan").post("/api/tasks/{t}/complete", map(), OsakaFixture.firstActiveTask(as("anshan"), invite));

        JsonNode statistics = leader.get("/api/expos/{e}/statistics", expoId).body();
        JsonNode anshan = StreamSupport.stream(statistics.path("units").spliterator(), false)
                .filter(unit -> unit.path("unitId").asText().equals("anshan")).findFirst().orElseThrow();
        assertThat(anshan.path("completed").asInt()).isEqualTo(1);
        assertThat(anshan.path("onTime").asInt()).isEqualTo(1);
        assertThat(anshan.path("notYetDue").asInt()).isEqualTo(1);
        assertThat(anshan.path("completionRate").decimalValue()).isEqualByComparingTo("0.5");

        JsonNode trend = leader.get("/api/expos/{e}/trend", expoId).body();
        JsonNode today = trend.path("days").get(trend.path("days").size() - 1);
        assertThat(today.path("scope").asInt()).isEqualTo(3);
        assertThat(today.path("done").asInt()).isEqualTo(1);

        assertThat(leader.get("/api/expos/{e}/overdue", expoId).body().path("items")).isEmpty();
        coordinator.post("/api/directives", map("expoId", expoId, "kind", "publicity", "title", "Posters by Friday",
                "dueAt", Instant.now().plus(java.time.Duration.ofDays(2)).toString(), "unitIds", List.of("fushun")));
        JsonNode board = leader.get("/api/expos/{e}/board", expoId).body();
        assertThat(board.findValuesAsText("light")).as("Anshan's and Fushun's invitations are on track")
                .containsExactlyInAnyOrder("GREEN", "GREEN", "AMBER");
        assertThat(leader.get("/api/expos/{e}/due-soon", expoId).body().path("items").findValuesAsText("unitId"))
                .containsExactly("fushun");
        assertThat(leader.get("/api/expos/{e}/overdue?asOf=2031-01-01T00:00:00Z", expoId).field("field")).isEqualTo("asOf");
        assertThat(leader.get("/api/expos/{e}/overdue?sort=colour", expoId).field("field")).isEqualTo("sort");
        assertThat(as("anshan").get("/api/expos/{e}/statistics", expoId).status().value()).isEqualTo(403);
        assertThat(leader.get("/api/meetings/{m}/brief?format=doc", "x").field("field")).isEqualTo("format");
    }
}
