package org.expoflow.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.expoflow.workflow.security.SecurityConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shenyang drafts its invitation list, reports 40 buyers invited and 12 confirmed, with the signed list as a PDF; the
 * office reads the evidence in the review and returns the work to the step at fault with a reason, which Shenyang
 * finds filled in as it sent it. Its forms keep what was typed when refused, and nobody is offered a button that is
 * not theirs.
 */
@ExpoFlowTest
class ReturnAndEvidenceTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    ExpoFlowClient coordinator;
    ExpoFlowClient shenyang;
    String directiveId;
    String confirmTask;
    String attachmentId;
    String review;

    @BeforeEach
    void shenyangSubmitsItsInvitations() {
        coordinator = ExpoFlowClient.as(base(), "coordinator").withHeader("Accept-Language", "zh-CN");
        shenyang = ExpoFlowClient.as(base(), "shenyang").withHeader("Accept-Language", "zh-CN");
        directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang", "dalian"), "shenyang");
        shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "大阪商工会议所 等 40 家")),
                OsakaFixture.firstActiveTask(shenyang, directiveId));
        shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 40)), OsakaFixture.firstActiveTask(shenyang, directiveId));
        confirmTask = OsakaFixture.firstActiveTask(shenyang, directiveId);
        attachmentId = OsakaFixture.attach(base(), "shenyang", confirmTask, "邀请名单.pdf", MediaType.APPLICATION_PDF, PDF).path("id").asText();
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 12)), confirmTask).status().value())
                .isEqualTo(204);
        review = OsakaFixture.firstActiveTask(coordinator, directiveId);
    }

    @Test
    void aReturnNeedsItsReasonAndGoesToTheStepChosenWithTheLastSubmissionFilledIn() throws Exception {
        ExpoFlowClient.Answer noReason = coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN"), review);
        assertThat(noReason.status().value()).isEqualTo(400);
        assertThat(noReason.field("field")).isEqualTo("comment");
        ExpoFlowClient.Answer notDone = coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "人数不符",
                "returnTo", "reviewInvitations"), review);
        assertThat(notDone.status().value()).isEqualTo(400);
        assertThat(notDone.field("field")).isEqualTo("returnTo");
        assertThat(coordinator.get("/api/tasks/{t}", review).body().path("status").asText()).as("nothing written").isEqualTo("OPEN");

        PageSession office = PageSession.signedIn(base(), "coordinator");
        String reviewPage = office.get("/tasks/" + review);
        assertThat(reviewPage).contains("id=\"returnTo\"").contains("value=\"confirmBuyers\"").contains("value=\"draftInvitationList\"");
        String landed = office.post("/tasks/" + review, "/tasks/" + review + "/complete", "decision", "RETURN",
                "value.comment", "确认到会的客商只有 12 家，请核实名单后重报", "returnTo", "confirmBuyers");
        assertThat(landed).contains("已退回");

        String returned = OsakaFixture.firstActiveTask(shenyang, directiveId);
        JsonNode step = shenyang.get("/api/tasks/{t}", returned).body();
        assertThat(step.path("stepKey").asText()).isEqualTo("confirmBuyers");
        assertThat(step.path("returnComment").asText()).contains("请核实名单");
        JsonNode history = coordinator.get("/api/tasks/{t}", review).body().path("history");
        assertThat(history.findValuesAsText("decision")).contains("RETURN");

        String page = PageSession.signedIn(base(), "shenyang").get("/tasks/" + returned);
        assertThat(page.indexOf("id=\"returnReason\"")).as("the reason at the top, before the form").isPositive()
                .isLessThan(page.indexOf("id=\"completeForm\""));
        assertThat(page).contains("name=\"figure.buyersConfirmed\"").contains("value=\"12\"")
                .contains("/tasks/" + confirmTask + "/attachments/" + attachmentId);
    }

    @Test
    void theReviewShowsTheEvidenceWhichOpensInTheBrowserForThoseWhoMaySeeIt() throws Exception {
        String reviewPage = PageSession.signedIn(base(), "coordinator").get("/tasks/" + review);
        assertThat(reviewPage).contains("href=\"/tasks/" + confirmTask + "/attachments/" + attachmentId + "\"");

        HttpResponse<byte[]> opened = open("coordinator", "/api/tasks/" + confirmTask + "/attachments/" + attachmentId);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(opened.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        String policy = opened.headers().firstValue("Content-Security-Policy").orElseThrow();
        // not sandboxed as a photo is: the browsers' PDF viewers show nothing in a sandbox, and the review needs the PDF seen
        assertThat(policy).as("under the pages' policy: nothing loaded from elsewhere, no frame of it on another site")
                .isEqualTo(SecurityConfig.PAGES_CONTENT_SECURITY_POLICY).contains("default-src 'self'");
        assertThat(opened.body()).isEqualTo(PDF);
        assertThat(open("leader", "/api/tasks/" + confirmTask + "/attachments/" + attachmentId).statusCode()).isEqualTo(200);
        assertThat(open("shenyang", "/api/tasks/" + confirmTask + "/attachments/" + attachmentId).statusCode()).isEqualTo(200);
        assertThat(open("dalian", "/api/tasks/" + confirmTask + "/attachments/" + attachmentId).statusCode()).isEqualTo(403);

        JsonNode history = coordinator.get("/api/tasks/{t}", confirmTask).body().path("history");
        assertThat(history.findValuesAsText("type")).contains("AttachmentOpened");
        assertThat(history.findValuesAsText("openedBy")).containsExactlyInAnyOrder("coordinator", "leader", "shenyang");
    }

    @Test
    void aRefusedProgressReportKeepsWhatWasTypedAndNamesEveryFaultInWords() throws Exception {
        String step = OsakaFixture.firstActiveTask(coordinator, directiveId);
        coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "重报", "returnTo", "sendInvitations"), step);
        String returned = OsakaFixture.firstActiveTask(shenyang, directiveId);
        PageSession clerk = PageSession.signedIn(base(), "shenyang");
        String landed = clerk.post("/tasks/" + returned, "/tasks/" + returned + "/progress", "percent", "60",
                "note", "进".repeat(4001), "problems", "部分客商签证未办妥", "suggestions", "请协调领馆", "figure.buyersInvited", "-3");

        assertThat(landed).contains("部分客商签证未办妥").contains("请协调领馆").contains("value=\"-3\"").contains("value=\"60\"");
        assertThat(landed).contains("进展情况").contains("不超过 4,000 字").contains("采购商").doesNotContain("个数必须在");
        assertThat(landed.split("class=\"field-error\"", -1)).as("both faults, each at its field").hasSize(3);
        assertThat(shenyang.get("/api/tasks/{t}", returned).body().path("percent").asInt()).as("nothing written").isZero();
    }

    @Test
    void eachReaderIsOfferedOnlyTheActionsTheyMayTake() throws Exception {
        String clerkOnTheReview = PageSession.signedIn(base(), "shenyang").get("/tasks/" + review);
        assertThat(clerkOnTheReview).doesNotContain("id=\"claim\"").doesNotContain("id=\"approve\"").doesNotContain("id=\"return\"")
                .contains("id=\"actingState\"").contains("督办办公室");
        String returned = OsakaFixture.firstActiveTask(coordinator, directiveId);
        coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "重报"), returned);
        String unitStep = OsakaFixture.firstActiveTask(shenyang, directiveId);
        String leaderOnTheStep = PageSession.signedIn(base(), "leader").get("/tasks/" + unitStep);
        assertThat(leaderOnTheStep).doesNotContain("id=\"complete\"").doesNotContain("id=\"claim\"")
                .doesNotContain("id=\"saveProgress\"").contains("id=\"instruction\"");
        assertThat(PageSession.signedIn(base(), "shenyang").get("/tasks/" + unitStep)).contains("id=\"complete\"");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<byte[]> open(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
