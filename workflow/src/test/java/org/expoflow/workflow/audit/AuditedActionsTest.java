package org.expoflow.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.ArrayList;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the assessor asks the security audit log to hold, done as people do it, through the doors they use: a unit's
 * file opened by the office, a list and a brief downloaded, a group robot set, a sign-out (a rebuild's
 * entry is asserted where a rebuild is run, ProjectionRebuildTest).
 * Each is read back by the auditor with who did it, from which address and what.
 */
@ExpoFlowTest
class AuditedActionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The robot set here names a host out of reach: left behind, its failing deliveries would crowd other tests' out. */
    @AfterEach
    void robotGone() {
        jdbc.update("delete from unit_webhook where unit_id = 'panjin'");
        jdbc.update("delete from notification_delivery where unit_id = 'panjin' and state <> 'SENT'");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as(base(), user);
    }

    private List<JsonNode> entries(String query) {
        ExpoFlowClient.Answer answer = as("auditor").get("/api/audit?" + query);
        assertThat(answer.status().value()).as(answer.body().toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.body().forEach(entries::add);
        return entries;
    }

    private void kept(String actor, String action, String what) {
        assertThat(entries("actor=" + actor + "&action=" + action)).as(actor + " " + action).anySatisfy(entry -> {
            assertThat(entry.path("address").asText()).isEqualTo("127.0.0.1");
            assertThat(entry.path("at").asText()).isNotBlank();
            assertThat(entry.path("what").asText()).contains(what);
        });
    }

    @Test
    void filesOpenedListsAndBriefsDownloadedRobotsSetAndSignOutsAreKept() throws Exception {
        ExpoFlowClient office = as("coordinator");
        String expoId = OsakaFixture.osakaWith(office, "panjin");
        String directiveId = OsakaFixture.inviteBuyers(office, expoId, "panjin");
        String step = OsakaFixture.firstActiveTask(as("panjin"), directiveId);
        String file = OsakaFixture.attach(base(), "panjin", step, "邀请名单.pdf", MediaType.APPLICATION_PDF,
                "%PDF-1.4\n%%EOF\n".getBytes()).path("id").asText();

        PageSession officePages = PageSession.signedIn(base(), "coordinator");
        assertThat(officePages.status("/tasks/" + step + "/attachments/" + file)).isEqualTo(200);
        kept("coordinator", AuditActions.ATTACHMENT_OPENED, "/tasks/" + step + "/attachments/" + file);

        assertThat(officePages.download("/tasks?directiveId=" + directiveId + "&format=xlsx")).isNotEmpty();
        kept("coordinator", AuditActions.EXPORTED, "/tasks");

        String meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "第一次调度会",
                "heldAt", java.time.Instant.now().toString())).field("id");
        PageSession leaderPages = PageSession.signedIn(base(), "leader");
        assertThat(leaderPages.download("/meetings/" + meetingId + "/brief.pdf")).isNotEmpty();
        kept("leader", AuditActions.EXPORTED, "/meetings/" + meetingId + "/brief.pdf");

        assertThat(as("admin").put("/api/admin/units/{u}/webhook", map("url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"),
                "panjin").status().is2xxSuccessful()).isTrue();
        kept("admin", AuditActions.ROBOT_CHANGED, "/api/admin/units/panjin/webhook");

        leaderPages.post("/board", "/logout");
        assertThat(entries("actor=leader&action=LOGOUT_SUCCESS")).as("the leader's sign-out").isNotEmpty();
    }
}
