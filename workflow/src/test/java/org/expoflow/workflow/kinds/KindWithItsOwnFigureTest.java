package org.expoflow.workflow.kinds;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kind brings its own figures: uploaded with a figure no code knows ({@code volunteersRecruited}, in 人), it is
 * targeted, reported and completed, and then named in the kind's words with its unit beside every number, on the
 * figures API and the board, in the brief and in the figures list as a file. A figure the kind does not declare is
 * refused naming the field, with nothing written.
 */
@ExpoFlowTest
class KindWithItsOwnFigureTest {

    private static final String NAME = "招募志愿者（人）";

    @LocalServerPort
    int port;

    private String url() {
        return "http://localhost:" + port;
    }

    private void uploadVolunteersKind() throws IOException {
        String bpmn = new String(new ClassPathResource("kinds/volunteers-trial.bpmn").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        JsonNode uploaded = KindUploads.upload(port, "volunteers-trial", bpmn, Map.of("texts_zh.properties",
                "kind.volunteers-trial.name=招募志愿者（试点）\n"
                        + "kind.volunteers-trial.step.recruitVolunteers=招募志愿者\n"
                        + "kind.volunteers-trial.field.volunteersRecruited=" + NAME + "\n"));
        assertThat(uploaded.path("status").asInt()).as(uploaded.toString()).isEqualTo(201);
    }

    private byte[] raw(String user, String path, Object... variables) {
        return TestClients.rest(url()).get().uri(path, variables).header("Accept-Language", "zh-CN")
                .headers(headers -> headers.setBasicAuth(user, "demo")).retrieve().body(byte[].class);
    }

    @Test
    void aKindUploadedWithANewFigureIsTargetedReportedAndShownWithItsNameAndUnitEverywhere() throws Exception {
        uploadVolunteersKind();
        assertThat(ExpoFlowClient.as(url(), "auditor").get("/api/audit?actor=admin&action=KIND_DEPLOYED").body()
                .findValuesAsText("what")).as("the upload in the security audit log")
                .anyMatch(what -> what.contains("POST /api/directive-kinds; status=201"));
        ExpoFlowClient coordinator = ExpoFlowClient.as(url(), "coordinator");
        JsonNode kind = StreamSupport.stream(coordinator.get("/api/directive-kinds").body().spliterator(), false)
                .filter(k -> k.path("key").asText().equals("volunteers-trial")).findFirst().orElseThrow();
        assertThat(kind.path("figures").toString()).isEqualTo("[\"volunteersRecruited\"]");

        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "volunteers-trial",
                "title", "Recruit volunteers for the fair", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"),
                "targets", map("volunteersRecruited", 200))).field("id");
        ExpoFlowClient shenyang = ExpoFlowClient.as(url(), "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        assertThat(shenyang.post("/api/tasks/{t}/progress", map("percent", 50, "figures", map("volunteersRecruited", 80)),
                task).status().value()).isEqualTo(204);
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("figures", map("volunteersRecruited", 150)), task)
                .status().value()).isEqualTo(204);

        ExpoFlowClient leader = ExpoFlowClient.as(url(), "leader").withHeader("Accept-Language", "zh-CN");
        JsonNode figures = leader.get("/api/expos/{e}/figures", expoId).body();
        assertThat(figures.at("/total/volunteersRecruited/value").asInt()).isEqualTo(150);
        assertThat(figures.at("/total/volunteersRecruited/target").asInt()).isEqualTo(200);
        assertThat(figures.at("/figures/volunteersRecruited/name").asText()).isEqualTo(NAME);
        assertThat(figures.at("/figures/volunteersRecruited/unit").asText()).isEqualTo("人");

        String board = PageSession.signedIn(url(), "leader").get("/board?expoId=" + expoId);
        assertThat(board).contains(NAME).contains("150人").contains("200人");

        String meeting = leader.post("/api/meetings", map("expoId", expoId, "title", "Volunteers meeting",
                "heldAt", Instant.now().toString())).field("id");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                raw("leader", "/api/meetings/{m}/brief?format=xlsx", meeting)))) {
            // the brief names the figure as its kind does, with its unit, never by its key
            Row total = StreamSupport.stream(workbook.getSheet("各单位指标完成情况").spliterator(), false)
                    .filter(row -> new DataFormatter().formatCellValue(row.getCell(0)).equals("合计")).findFirst().orElseThrow();
            assertThat(StreamSupport.stream(total.spliterator(), false).map(new DataFormatter()::formatCellValue).toList())
                    .as("its name without the unit, which has its column").containsExactly("合计", "招募志愿者", "人", "150", "200", "75.0%");
        }
        try (PDDocument document = Loader.loadPDF(raw("leader", "/api/meetings/{m}/brief?format=pdf", meeting))) {
            assertThat(new PDFTextStripper().getText(document)).contains("招募志愿者").contains("人").doesNotContain("volunteersRecruited");
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                raw("leader", "/api/expos/{e}/figures?format=xlsx", expoId)))) {
            assertThat(figureRow(workbook.getSheetAt(0))).containsExactly("合计 Total", "volunteersRecruited",
                    "150", "200", NAME, "人");
        }
    }

    /** The total row of the volunteers' figure, as its cells read. */
    private static List<String> figureRow(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        Row total = StreamSupport.stream(sheet.spliterator(), false)
                .filter(row -> format.formatCellValue(row.getCell(0)).startsWith("合计")
                        && format.formatCellValue(row.getCell(1)).equals("volunteersRecruited"))
                .findFirst().orElseThrow();
        return StreamSupport.stream(total.spliterator(), false).map(format::formatCellValue).toList();
    }

    @Test
    void aTargetOrAReportForAFigureTheKindDoesNotDeclareIsRefusedNamingItAndNothingIsWritten() throws Exception {
        uploadVolunteersKind();
        ExpoFlowClient coordinator = ExpoFlowClient.as(url(), "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        int directivesBefore = coordinator.get("/api/expos/{e}/board", expoId).body().path("directives").size();
        ExpoFlowClient.Answer target = coordinator.post("/api/directives", map("expoId", expoId, "kind", "volunteers-trial",
                "title", "Recruit volunteers", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"),
                "targets", map("buyersInvited", 10)));
        assertThat(target.status().value()).isEqualTo(400);
        assertThat(target.field("field")).isEqualTo("targets.buyersInvited");
        assertThat(coordinator.get("/api/expos/{e}/board", expoId).body().path("directives")).hasSize(directivesBefore);

        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "volunteers-trial",
                "title", "Recruit volunteers", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"))).field("id");
        ExpoFlowClient shenyang = ExpoFlowClient.as(url(), "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        ExpoFlowClient.Answer report = shenyang.post("/api/tasks/{t}/progress",
                map("percent", 10, "figures", map("buyersInvited", 3)), task);
        assertThat(report.status().value()).isEqualTo(400);
        assertThat(report.field("field")).isEqualTo("figures.buyersInvited");
        ExpoFlowClient.Answer completion = shenyang.post("/api/tasks/{t}/complete",
                map("figures", map("volunteersRecruited", 5, "buyersInvited", 3)), task);
        assertThat(completion.status().value()).isEqualTo(400);
        assertThat(completion.field("field")).isEqualTo("figures.buyersInvited");

        JsonNode stillOpen = shenyang.get("/api/tasks/{t}", task).body();
        assertThat(stillOpen.path("history").findValuesAsText("type")).doesNotContain("ProgressReported", "TaskCompleted");
        assertThat(coordinator.get("/api/expos/{e}/figures", expoId).body().path("total").has("buyersInvited")).isFalse();
    }
}
