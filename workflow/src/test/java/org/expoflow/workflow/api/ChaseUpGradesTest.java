package org.expoflow.workflow.api;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Chase-up is graded, as the province's 督查督办 systems grade it: a reminder (催办) wants no reply and leaves the
 * office free to chase up again; a 督办 wants a reply by its own date; a 通报 wants one too and names the unit in the
 * next meeting's brief. Each grade is on record: in the step's history in Chinese, in the unit's notices and in the
 * task list's export. A chase-up naming no grade is a 督办, as before; a grade not known is refused naming
 * {@code grade} and the grades there are, and nothing is written. The office's own chase-up step has a date of its
 * own, so it is not born overdue.
 */
@ExpoFlowTest
class ChaseUpGradesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void theOfficeRemindsFirstThenNamesTheUnitWhichIsInTheNextMeetingsBrief() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "benxi");
        String directiveId = overdueDirective(expoId, "本溪今晚前邀请采购商", "benxi");
        String step = OsakaFixture.firstActiveTask(as("benxi"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(directiveId, "chaseUpUnit") != null);
        escalated(step);

        JsonNode chaseUp = activeStep(directiveId, "chaseUpUnit");
        assertThat(Instant.parse(chaseUp.path("dueAt").asText())).as("the office's chase-up has a date of its own")
                .isAfter(Instant.now().plus(Duration.ofHours(12)));
        assertThat(chaseUp.path("overdue").asBoolean()).isFalse();
        assertThat(ids(as("coordinator").get("/api/tasks?directiveId={d}&overdue=true", directiveId).body()))
                .as("the office's overdue count counts the unit's late step, not its own chase-up").containsExactly(step);

        assertThat(as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "请抓紧报送邀请名单", "grade", "URGE"), step)
                .status().value()).isEqualTo(204);
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).as("a reminder wants no reply").isNull();
        assertThat(activeStep(directiveId, "chaseUpUnit")).as("the office may chase up again, at a higher grade").isNotNull();
        assertThat(as("benxi").get("/api/inbox").body().findValuesAsText("text"))
                .anyMatch(text -> text.contains("催办") && text.contains("请抓紧报送邀请名单"));
        assertThat(as("coordinator").get("/api/tasks/{t}", step).body().path("chaseUpGrade").asText()).isEqualTo("URGE");
        String console = PageSession.signedIn("http://localhost:" + port, "coordinator").get("/console?expoId=" + expoId);
        assertThat(console).as("reminded, and still offered a chase-up").contains("id=\"graded-" + step + "\"")
                .contains("已催办").contains("id=\"chase-" + step + "\"");

        assertThat(as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "逾期未报，予以通报", "grade", "NOTIFY"), step)
                .status().value()).isEqualTo(204);
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).as("a 通报 wants a reply").isNotNull();
        assertThat(as("benxi").get("/api/inbox").body().findValuesAsText("text"))
                .anyMatch(text -> text.contains("通报") && text.contains("逾期未报，予以通报"));
        assertThat(as("coordinator").get("/api/tasks/{t}", step).body().path("chaseUpGrade").asText()).isEqualTo("NOTIFY");
        String page = PageSession.signedIn("http://localhost:" + port, "coordinator").get("/tasks/" + step);
        assertThat(page).contains("发出催办").contains("发出通报");

        List<List<String>> exported = rows(download("coordinator", "/api/tasks?directiveId=" + directiveId + "&format=xlsx"));
        assertThat(exported).anyMatch(row -> row.contains("通报 Notification"));

        String meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "第二次调度会",
                "heldAt", Instant.now().toString())).field("id");
        JsonNode notified = as("leader").get("/api/meetings/{m}/brief", meetingId).body().path("notified");
        assertThat(notified).hasSize(1);
        assertThat(notified.get(0).path("unitId").asText()).isEqualTo("benxi");
        assertThat(notified.get(0).path("message").asText()).isEqualTo("逾期未报，予以通报");
        List<String> sheets = new ArrayList<>();
        try (XSSFWorkbook brief = new XSSFWorkbook(new ByteArrayInputStream(
                download("leader", "/api/meetings/" + meetingId + "/brief?format=xlsx")))) {
            brief.forEach(sheet -> sheets.add(sheet.getSheetName()));
            Sheet chaseUps = brief.getSheet("催办、督办和通报明细");
            assertThat(cells(chaseUps)).contains("本溪市", "本溪今晚前邀请采购商", "催办", "通报", "逾期未报，予以通报");
        }
        assertThat(sheets).contains("催办、督办和通报明细");
    }

    /**
     * The office's 督办逾期单位 step carries the late unit's name but is the office's work: the clerk's list does not offer
     * it among the reviews of the unit's work, and pressing on it anyway is refused in words that say it is the office's
     * chase-up and where the unit answers.
     */
    @Test
    void theUnitsListLeavesOutTheOfficesChaseUpWhichTheUnitAnswersInItsOwnReplyStep() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "fuxin");
        String directiveId = overdueDirective(expoId, "阜新今晚前邀请采购商", "fuxin");
        String step = OsakaFixture.firstActiveTask(as("fuxin"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(directiveId, "chaseUpUnit") != null);
        String chaseUp = activeStep(directiveId, "chaseUpUnit").path("id").asText();

        PageSession clerk = PageSession.signedIn("http://localhost:" + port, "fuxin");
        for (String tab : List.of("open", "overdue", "submitted")) {
            assertThat(clerk.get("/tasks?filter=" + tab)).as(tab).doesNotContain("/tasks/" + chaseUp + "\"")
                    .doesNotContain("督办逾期单位");
        }
        assertThat(clerk.get("/tasks?filter=overdue")).as("the unit's own late step").contains("/tasks/" + step + "\"");
        assertThat(PageSession.signedIn("http://localhost:" + port, "coordinator").get("/tasks?filter=open&directiveId=" + directiveId))
                .as("the office's list").contains("/tasks/" + chaseUp + "\"");
        assertThat(rows(download("coordinator", "/api/tasks?directiveId=" + directiveId + "&status=ACTIVE&format=xlsx")))
                .as("the office's list as a file says where its chase-up stands in words")
                .anyMatch(row -> row.contains("待督办 To chase up")).noneMatch(row -> row.contains("CHASE_UP"));

        ExpoFlowClient.Answer pressed = as("fuxin").post("/api/tasks/{t}/complete", map("values", map("grade", "SUPERVISE",
                "message", "请抓紧")), chaseUp);
        assertThat(pressed.status().value()).isEqualTo(403);
        assertThat(pressed.field("detail")).isEqualTo("这一步是督办办公室对本单位的督办，由督办办公室办理；请办理本单位的“回复督办”一步。");
        assertThat(activeStep(directiveId, "chaseUpUnit")).as("nothing was done").isNotNull();
    }

    @Test
    void aChaseUpNamingNoGradeIsADuban() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "dandong");
        String directiveId = overdueDirective(expoId, "丹东今晚前邀请采购商", "dandong");
        String step = OsakaFixture.firstActiveTask(as("dandong"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(directiveId, "chaseUpUnit") != null);
        escalated(step);

        assertThat(as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "请于今日报送"), step).status().value())
                .isEqualTo(204);

        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).isNotNull();
        assertThat(as("coordinator").get("/api/tasks/{t}", step).body().path("chaseUpGrade").asText()).isEqualTo("SUPERVISE");
        assertThat(PageSession.signedIn("http://localhost:" + port, "coordinator").get("/tasks/" + step)).contains("发出督办");
    }

    @Test
    void theOfficeChoosesTheGradeOnTheChaseUpsOwnStepPage() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "fushun");
        String directiveId = overdueDirective(expoId, "抚顺今晚前邀请采购商", "fushun");
        String step = OsakaFixture.firstActiveTask(as("fushun"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(directiveId, "chaseUpUnit") != null);
        escalated(step);
        String chaseUp = activeStep(directiveId, "chaseUpUnit").path("id").asText();
        PageSession office = PageSession.signedIn("http://localhost:" + port, "coordinator");

        String page = office.get("/tasks/" + chaseUp);
        assertThat(page).as("the grade is a choice on the 督办逾期单位 page, in words, 督办 unless another is chosen")
                .contains("督办等级").contains("<select id=\"value.grade\" name=\"value.grade\"")
                .contains("催办（提醒，无需回复）").contains("通报（限期回复，下次会议通报）")
                .containsPattern("<option value=\"SUPERVISE\" selected=\"selected\">督办（限期回复）</option>")
                .doesNotContain(">Reminder<", ">Notification<");
        office.post("/tasks/" + chaseUp, "/tasks/" + chaseUp + "/complete", "value.message", "逾期未报，予以通报", "value.grade", "NOTIFY");

        assertThat(as("coordinator").get("/api/tasks/{t}", step).body().path("chaseUpGrade").asText()).isEqualTo("NOTIFY");
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).as("a 通报 wants a reply").isNotNull();
    }

    @Test
    void theOfficeChoosesTheGradeInTheTaskListsBulkForm() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "jinzhou");
        String directiveId = overdueDirective(expoId, "锦州今晚前邀请采购商", "jinzhou");
        String step = OsakaFixture.firstActiveTask(as("jinzhou"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(directiveId, "chaseUpUnit") != null);
        escalated(step);
        PageSession office = PageSession.signedIn("http://localhost:" + port, "coordinator");
        String list = "/tasks?filter=open&directiveId=" + directiveId;

        assertThat(office.get(list)).contains("id=\"bulkTasksGrade\"").contains("催办（提醒，无需回复）");
        office.post(list, "/tasks/bulk", "action", "CHASE_UP", "taskId", step, "message", "请于今日报送",
                "grade", "URGE", "filter", "open", "directiveId", directiveId);

        assertThat(as("coordinator").get("/api/tasks/{t}", step).body().path("chaseUpGrade").asText())
                .as("a reminder, as chosen, not the default 督办").isEqualTo("URGE");
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).as("a reminder wants no reply").isNull();
    }

    @Test
    void aGradeNotKnownIsRefusedNamingItAndTheGradesAndNothingIsWritten() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "yingkou");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "yingkou");
        String step = OsakaFixture.firstActiveTask(as("yingkou"), directiveId);
        EventStoreProbe events = new EventStoreProbe(jdbc);
        List<String> before = events.eventTypes(step);

        ExpoFlowClient.Answer one = as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "请报送", "grade", "SHOUT"), step);
        ExpoFlowClient.Answer bulk = as("coordinator").post("/api/tasks/bulk", map("action", "CHASE_UP",
                "taskIds", List.of(step), "message", "请报送", "grade", "urgent"));

        JsonNode documented = as("coordinator").get("/v3/api-docs").body().path("components").path("schemas")
                .path("ChaseUpRequest").path("properties").path("grade");
        assertThat(documented.toString()).as("the OpenAPI document names the grades").contains("URGE", "SUPERVISE", "NOTIFY", "通报");
        for (ExpoFlowClient.Answer refused : List.of(one, bulk)) {
            assertThat(refused.status().value()).isEqualTo(400);
            assertThat(refused.field("field")).isEqualTo("grade");
            assertThat(refused.field("detail")).contains("URGE", "SUPERVISE", "NOTIFY", "催办", "督办", "通报");
        }
        assertThat(events.eventTypes(step)).isEqualTo(before);
    }

    /**
     * The step's grace period is over (seconds in the tests): its escalation has run, so no timer of its supervision
     * runs while the office chases up, and none is left behind the test.
     */
    private void escalated(String step) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("coordinator").get("/api/tasks/{t}", step).body().path("escalatedAt").isTextual());
    }

    private String overdueDirective(String expoId, String title, String unitId) {
        return as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", title,
                "dueAt", Instant.now().plusSeconds(3).toString(), "unitIds", List.of(unitId))).field("id");
    }

    private JsonNode activeStep(String directiveId, String stepKey) {
        return StreamSupport.stream(as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body()
                        .path("items").spliterator(), false).filter(item -> item.path("stepKey").asText().equals(stepKey))
                .findFirst().orElse(null);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(item -> item.path("id").asText()).toList();
    }

    private byte[] download(String user, String path) {
        return TestClients.rest("http://localhost:" + port).get().uri("http://localhost:" + port + path)
                .headers(headers -> headers.setBasicAuth(user, "demo")).retrieve().body(byte[].class);
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(format.formatCellValue(cell)));
                rows.add(cells);
            }
            return rows;
        }
    }

    private static List<String> cells(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> cells.add(format.formatCellValue(cell))));
        return cells;
    }
}
