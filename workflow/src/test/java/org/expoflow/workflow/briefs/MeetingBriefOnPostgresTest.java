package org.expoflow.workflow.briefs;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.expoflow.workflow.PostgresTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * On PostgreSQL, the production store, the brief reads a leader's instruction with the unit's feedback after it and an
 * extension request with the office's decision from the steps' history, and prints them.
 */
@PostgresTest
class MeetingBriefOnPostgresTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void theBriefReadsInstructionsWithTheirFeedbackAndExtensionRequests() throws Exception {
        ExpoFlowClient office = as("coordinator");
        String expoId = office.post("/api/expos", map("name", "大阪展", "venue", "大阪", "opensOn", "2030-03-01",
                "closesOn", "2030-03-04")).field("id");
        office.post("/api/expos/{e}/units", map("unitId", "shenyang", "kind", "CITY"), expoId);
        String invite = office.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", "邀请日本采购商",
                "dueOn", "2030-02-01", "unitIds", List.of("shenyang"), "targets", map("buyersInvited", 50))).field("id");
        String step = as("shenyang").get("/api/tasks?directiveId={d}&status=ACTIVE", invite).body().path("items").get(0)
                .path("id").asText();
        as("leader").post("/api/tasks/{t}/comments", map("text", "请沈阳市加快进度", "instruction", true), step);
        as("shenyang").post("/api/tasks/{t}/progress", map("percent", 60, "note", "已联系30家采购商"), step);
        as("shenyang").post("/api/tasks/{t}/extension-request", map("dueOn", "2030-02-15", "reason", "春节期间外贸机构放假"), step);
        office.post("/api/tasks/{t}/extension-request/decision", map("approve", false, "comment", "会刊付印，不能延期"), step);
        String meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "第一次调度会",
                "heldAt", Instant.now().toString())).field("id");

        JsonNode brief = as("leader").get("/api/meetings/{m}/brief", meetingId).body();
        assertThat(brief.at("/instructions/0/feedback").asText()).isEqualTo("已联系30家采购商");
        assertThat(brief.at("/extensions/0/approved").asBoolean()).isFalse();
        assertThat(brief.at("/extensions/0/currentDueAt").asText()).isNotBlank();
        assertThat(brief.at("/progress/steps").asInt()).isEqualTo(1);

        byte[] pdf = TestClients.rest("http://localhost:" + port).get().uri("/api/meetings/{m}/brief?format=pdf", meetingId)
                .headers(headers -> headers.setBasicAuth("leader", "demo")).retrieve().body(byte[].class);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", ""))
                    .contains("反馈：“已联系30家采购商”", "春节期间外贸机构放假", "不同意");
        }
    }
}
