package org.expoflow.workflow.web;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Any list as a spreadsheet, with the filters of the same URL: the API's task list, overdue list and statistics
 * with {@code format=xlsx}, and the pages' own lists through their download links. The file holds what the list
 * holds (a city only its own unit's steps), units by name and statuses in words; a format that is not offered is
 * refused naming {@code format}.
 */
@ExpoFlowTest
class ListDownloadsTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void theTaskListComesAsASpreadsheetWithTheSameFiltersAndEveryRow() throws IOException {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "tieling", "fuxin");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "tieling", "fuxin");
        String tielingStep = OsakaFixture.firstActiveTask(as("tieling"), directiveId);
        assertThat(as("tieling").post("/api/tasks/{t}/progress", map("percent", 40, "note", "名单起草过半"), tielingStep)
                .status().is2xxSuccessful()).isTrue();
        JsonNode listed = as("coordinator").get("/api/tasks?expoId={e}&directiveId={d}", expoId, directiveId).body();

        ResponseEntity<byte[]> file = download("coordinator", "/api/tasks?expoId=" + expoId + "&directiveId=" + directiveId
                + "&size=1&format=xlsx");

        assertThat(file.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(ContentDisposition.parse(file.getHeaders().getFirst("Content-Disposition")).getFilename())
                .isEqualTo("Osaka 任务清单 " + day + ".xlsx");
        List<List<String>> rows = rows(file.getBody());
        assertThat(rows).as("every matching row, not the page of one asked for").hasSize(listed.path("total").asInt());
        assertThat(rows).extracting(row -> row.get(0)).containsOnly("铁岭市 Tieling", "阜新市 Fuxin");
        assertThat(rows).as("as the list's chip says: Tieling's step at 40% is in hand, Fuxin's waits")
                .extracting(row -> row.get(0) + " " + row.get(3)).containsOnly("铁岭市 Tieling 办理中 In hand", "阜新市 Fuxin 待办理 Waiting");
        assertThat(rows).extracting(row -> row.get(3)).doesNotContain("待领取 Open");
        assertThat(rows).extracting(row -> row.get(2)).contains("拟定邀请名单").doesNotContain("Draft the invitation list");

        List<List<String>> tielingOnly = rows(download("tieling", "/api/tasks?directiveId=" + directiveId + "&format=xlsx").getBody());
        assertThat(tielingOnly).isNotEmpty().extracting(row -> row.get(0)).containsOnly("铁岭市 Tieling");
    }

    @Test
    void theOverdueListAndTheStatisticsComeAsSpreadsheetsForTheOffice() throws IOException {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "panjin");
        OsakaFixture.inviteBuyers(as("coordinator"), expoId, "panjin");
        as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", "盘锦今晚前邀请采购商",
                "dueAt", Instant.now().plusSeconds(2).toString(), "unitIds", List.of("panjin")));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("coordinator").get("/api/expos/{e}/overdue", expoId).body()
                .path("items").size() > 0);

        List<List<String>> statistics = rows(download("leader", "/api/expos/" + expoId + "/statistics?format=xlsx").getBody());
        JsonNode asJson = as("leader").get("/api/expos/{e}/statistics", expoId).body().path("units");
        assertThat(statistics).hasSize(asJson.size());
        List<String> panjin = statistics.stream().filter(row -> row.get(0).startsWith("盘锦市")).findFirst().orElseThrow();
        assertThat(panjin.get(1)).isEqualTo(asJson.findParent("unitId").path("steps").asText());

        ResponseEntity<byte[]> overdue = download("coordinator", "/api/expos/" + expoId + "/overdue?format=xlsx");
        assertThat(ContentDisposition.parse(overdue.getHeaders().getFirst("Content-Disposition")).getFilename())
                .startsWith("Osaka 逾期事项 ");
        assertThat(sheet(overdue.getBody()).getRow(3).getCell(0).getStringCellValue()).isEqualTo("单位 Unit");
        assertThat(rows(overdue.getBody())).as("steps named as the kind names them in Chinese")
                .extracting(row -> row.get(2)).contains("拟定邀请名单").doesNotContain("Draft the invitation list");

        int cityAsks = TestClients.rest("http://localhost:" + port).get().uri("/api/expos/{e}/overdue?format=xlsx", expoId)
                .headers(headers -> headers.setBasicAuth("panjin", "demo"))
                .exchange((request, answer) -> answer.getStatusCode().value());
        assertThat(cityAsks)
                .as("a city does not see the province's overdue list, as a file neither").isEqualTo(403);
    }

    @Test
    void aFormatThatIsNotOfferedIsRefusedNamingIt() {
        ExpoFlowClient.Answer refused = as("coordinator").withHeader("Accept-Language", "zh-CN").get("/api/tasks?format=csv");

        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.field("field")).isEqualTo("format");
        assertThat(refused.field("detail")).contains("xlsx").contains("csv");
    }

    @Test
    void thePagesOfferTheirOwnListsForDownload() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "huludao");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "huludao");
        PageSession clerk = PageSession.signedIn("http://localhost:" + port, "huludao");

        String list = clerk.get("/tasks?directiveId=" + directiveId);
        assertThat(list).contains("id=\"exportTasks\"");
        List<List<String>> rows = rows(clerk.download("/tasks?filter=open&directiveId=" + directiveId + "&format=xlsx"));
        assertThat(rows).isNotEmpty().extracting(row -> row.get(0)).containsOnly("葫芦岛市 Huludao");

        PageSession leader = PageSession.signedIn("http://localhost:" + port, "leader");
        assertThat(leader.get("/board?expoId=" + expoId)).contains("id=\"export-statistics\"");
        assertThat(rows(leader.download("/board/" + expoId + "/statistics.xlsx"))).extracting(row -> row.get(0))
                .contains("葫芦岛市 Huludao");
    }

    private ResponseEntity<byte[]> download(String user, String path) {
        return TestClients.rest("http://localhost:" + port).get().uri("http://localhost:" + port + path)
                .headers(headers -> headers.setBasicAuth(user, "demo")).retrieve().toEntity(byte[].class);
    }

    private static Sheet sheet(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);
    }

    /** The rows under the headings (the title, the as-of line and the headings take rows 0 to 3). */
    private static List<List<String>> rows(byte[] xlsx) throws IOException {
        Sheet sheet = sheet(xlsx);
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 4; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
            }
            rows.add(cells);
        }
        return rows;
    }
}
