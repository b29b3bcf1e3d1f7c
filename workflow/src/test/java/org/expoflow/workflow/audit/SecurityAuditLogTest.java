package org.expoflow.workflow.audit;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The security audit log as the 等保 assessment asks for it: sign-ins and their failures (HTTP Basic's too), lockouts,
 * changes to users and units, exports, each with who, when, from which address and what; read by the auditor alone
 * (JSON and xlsx, filtered by time, person and action); changed and removed by no one, but the retention job.
 */
@ExpoFlowTest
class SecurityAuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Seals seals;

    @Autowired
    AuditRetention retention;

    private String base() {
        return "http://localhost:" + port;
    }

    private ExpoFlowClient auditor() {
        return ExpoFlowClient.as(base(), "auditor");
    }

    private List<JsonNode> entries(String query) {
        Answer answer = auditor().get("/api/audit?" + query);
        assertThat(answer.status().value()).as(answer.body().toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.body().forEach(entries::add);
        return entries;
    }

    @Test
    void signInsAndTheirFailuresAreKeptWithWhoWhenAndFromWhere() {
        String clerk = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        ExpoFlowClient.newUser(base(), map("username", clerk, "password", "Anshan-Steel-2030", "role", "CITY", "unitId", "anshan"));
        Instant before = Instant.now();
        assertThat(basic(clerk, "Wrong-Horse-1")).isEqualTo(401);
        assertThat(basic(clerk, "Anshan-Steel-2030")).isEqualTo(200);
        assertThat(signInThroughTheForm(clerk, "Anshan-Steel-2030")).isEqualTo(302);

        List<JsonNode> failures = entries("actor=" + clerk + "&action=AUTHENTICATION_FAILURE");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("address").asText()).isEqualTo("127.0.0.1");
        assertThat(failures.get(0).path("what").asText()).contains("BadCredentialsException");
        assertThat(Instant.parse(failures.get(0).path("at").asText())).isBetween(before.minusSeconds(1), Instant.now());
        List<JsonNode> signIns = entries("actor=" + clerk + "&action=AUTHENTICATION_SUCCESS");
        assertThat(signIns).extracting(entry -> entry.path("what").asText())
                .as("the API's and the form's; the first password's change signed in too")
                .contains("via=HTTP Basic", "via=sign-in form");
        assertThat(signIns).allSatisfy(entry -> assertThat(entry.path("address").asText()).isEqualTo("127.0.0.1"));
        int signedIn = signIns.size();
        assertThat(basic(clerk, "Anshan-Steel-2030")).isEqualTo(200);
        assertThat(entries("actor=" + clerk + "&action=AUTHENTICATION_SUCCESS")).as("the API's repeated requests are no new sign-in")
                .hasSize(signedIn);
    }

    @Test
    void aLockoutIsKept() {
        String guessed = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 1; attempt <= 6; attempt++) {
            basic(guessed, "guess-" + attempt);
        }
        List<JsonNode> lockouts = entries("actor=" + guessed + "&action=LOCKED_OUT");
        assertThat(lockouts).hasSize(1);
        assertThat(lockouts.get(0).path("what").asText()).contains("seconds=1");
        assertThat(entries("actor=" + guessed + "&action=AUTHENTICATION_FAILURE")).hasSize(6);
    }

    @Test
    void changesToUsersAndUnitsAreKeptWithWhatChanged() {
        String clerk = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        ExpoFlowClient.newUser(base(), map("username", clerk, "password", "Fushun-Coal-2030", "role", "CITY", "unitId", "fushun"));
        assertThat(ExpoFlowClient.as(base(), "security").put("/api/admin/users/{u}/enabled", map("enabled", false), clerk)
                .status().value()).isEqualTo(204);

        List<JsonNode> bySecurity = entries("actor=security&action=USER_CREATED");
        assertThat(bySecurity).anySatisfy(entry -> assertThat(entry.path("what").asText())
                .isEqualTo("user=" + clerk + "; role=CITY; unit=fushun"));
        assertThat(entries("actor=security&action=USER_DISABLED")).anySatisfy(entry ->
                assertThat(entry.path("what").asText()).isEqualTo("user=" + clerk));
        assertThat(entries("actor=" + clerk + "&action=PASSWORD_CHANGED")).hasSize(1);
        assertThat(entries("action=PASSWORD_CHANGED").toString()).doesNotContain("Fushun-Coal");

        String unitId = "unit-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(ExpoFlowClient.as(base(), "admin").post("/api/admin/units", map("unitId", unitId, "name", "海关", "kind", "DEPARTMENT"))
                .status().value()).isEqualTo(201);
        assertThat(entries("actor=admin&action=UNIT_CHANGED")).anySatisfy(entry -> {
            assertThat(entry.path("what").asText()).isEqualTo("request=POST /api/admin/units; status=201");
            assertThat(entry.path("address").asText()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void theRankingsNoticeDownloadedFromThePagesIsAnExportWithOrWithoutItsFormat() throws Exception {
        String expoId = OsakaFixture.osakaWith(ExpoFlowClient.as(base(), "coordinator"), "shenyang");
        PageSession leader = PageSession.signedIn(base(), "leader");
        byte[] pdf = leader.download("/board/" + expoId + "/ranking/notice");
        assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).as("a PDF when no format is asked for").isEqualTo("%PDF");
        leader.download("/board/" + expoId + "/ranking/notice?format=docx");

        List<String> exports = entries("actor=leader&action=EXPORTED").stream().map(entry -> entry.path("what").asText()).toList();
        assertThat(exports).contains("request=GET /board/" + expoId + "/ranking/notice; status=200",
                "request=GET /board/" + expoId + "/ranking/notice?format=docx; status=200");
    }

    @Test
    void onlyTheAuditorReadsTheLogFilteredByTimePersonAndActionAndAsAWorkbook() throws Exception {
        basic("leader", "not-the-password");
        for (String someoneElse : new String[] {"admin", "security", "coordinator", "leader", "shenyang"}) {
            assertThat(ExpoFlowClient.as(base(), someoneElse).get("/api/audit").status().value()).as(someoneElse).isEqualTo(403);
            assertThat(ExpoFlowClient.as(base(), someoneElse).get("/api/audit/seals/check").status().value()).as(someoneElse)
                    .isEqualTo(403);
        }

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        List<JsonNode> failures = entries("from=" + today + "&to=" + today + "&actor=leader&action=AUTHENTICATION_FAILURE");
        assertThat(failures).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.path("actor").asText()).isEqualTo("leader");
            assertThat(entry.path("action").asText()).isEqualTo("AUTHENTICATION_FAILURE");
        });
        assertThat(entries("to=2020-01-01&actor=leader")).as("nothing kept before then").isEmpty();
        Answer badDay = auditor().get("/api/audit?from=yesterday");
        assertThat(badDay.status().value()).isEqualTo(400);
        assertThat(badDay.field("field")).isEqualTo("from");
        assertThat(auditor().get("/api/audit?from=2026-05-02&to=2026-05-01").field("field")).isEqualTo("to");

        byte[] workbook = TestClients.rest(base()).get().uri("/api/audit?actor=leader&action=AUTHENTICATION_FAILURE&format=xlsx")
                .headers(headers -> headers.setBasicAuth("auditor", "demo")).retrieve().body(byte[].class);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("操作");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(failures.size());
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(0))).as("a date, not text").isTrue();
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("登录失败");
        }
        assertThat(entries("actor=auditor&action=AUDIT_EXPORTED")).anySatisfy(entry ->
                assertThat(entry.path("what").asText()).contains("actor=leader"));
    }

    @Test
    void noOneChangesOrRemovesAnEntryButTheRetentionJobAfterItsDays() {
        basic("coordinator", "not-the-password");
        seals.seal(Instant.now().minusSeconds(3));
        Integer kept = jdbc.queryForObject("select count(*) from audit_entry", Integer.class);
        assertThatThrownBy(() -> jdbc.update("update audit_entry set what = 'nothing happened' where actor = 'coordinator'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where actor = 'coordinator'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_seal set hash = 'x'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Integer.class)).isEqualTo(kept);

        Instant longAgo = Instant.now().minus(Duration.ofDays(200));
        jdbc.update("insert into audit_entry (occurred_at, actor, action, address, what) values (?, 'someone', 'AUTHENTICATION_SUCCESS',"
                + " '10.0.0.1', 'long ago')", Timestamp.from(longAgo));
        seals.seal(Instant.now().minusSeconds(3));
        assertThat(retention.removeOlderThan(Instant.now().minus(Duration.ofDays(180)))).isEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where what = 'long ago'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'coordinator'", Integer.class)).isPositive();
        assertThat(entries("action=AUDIT_RETENTION_RAN")).anySatisfy(entry ->
                assertThat(entry.path("what").asText()).contains("removed=1").contains("retentionDays=180"));
        assertThat(seals.checkNow().holds()).as("what the retention removed is not missed by the seals").isTrue();
    }

    private int basic(String username, String password) {
        return TestClients.rest(base()).get().uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private int signInThroughTheForm(String user, String password) {
        String[] session = new String[1];
        String page = TestClients.rest(base()).get().uri("/login").exchange((request, response) -> {
            session[0] = response.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        });
        String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        return TestClients.rest(base()).post().uri("/login").header(HttpHeaders.COOKIE, session[0])
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + user + "&password=" + password + "&_csrf=" + csrf)
                .exchange((request, response) -> response.getStatusCode().value());
    }
}
