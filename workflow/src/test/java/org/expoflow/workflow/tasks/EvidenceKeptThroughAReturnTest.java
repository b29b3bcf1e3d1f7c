package org.expoflow.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evidence through a return: the files Shenyang sent with 确认参会采购商 stay the step's evidence when the office
 * returns it, so the returned step lists them as its own (each opening where it was attached) and the review of the
 * resubmission shows every file the unit has for the work, each step once, with its figures against the target the
 * directive set the unit.
 */
@ExpoFlowTest
class EvidenceKeptThroughAReturnTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Test
    void theReturnedStepKeepsItsFilesAndTheNextReviewShowsThemWithFiguresAgainstTargets() throws Exception {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator").withHeader("Accept-Language", "zh-CN");
        ExpoFlowClient shenyang = ExpoFlowClient.as(base(), "shenyang").withHeader("Accept-Language", "zh-CN");
        String directiveId = coordinator.post("/api/directives", map("expoId", OsakaFixture.osakaWith(coordinator, "shenyang"),
                "kind", "invite-buyers", "title", "邀请关西采购商", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"),
                "targets", map("buyersInvited", 50))).field("id");
        shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "大阪商工会议所")),
                OsakaFixture.firstActiveTask(shenyang, directiveId));
        shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 40)), OsakaFixture.firstActiveTask(shenyang, directiveId));
        String confirm = OsakaFixture.firstActiveTask(shenyang, directiveId);
        String file = OsakaFixture.attach(base(), "shenyang", confirm, "邀请名单.pdf", MediaType.APPLICATION_PDF, PDF).path("id").asText();
        shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 12)), confirm);
        String review = OsakaFixture.firstActiveTask(coordinator, directiveId);
        assertThat(PageSession.signedIn(base(), "coordinator").get("/tasks/" + review))
                .as("figures against the unit's target, with their units").contains("目标（本单位）").contains("50家").contains("80%");
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "请核实名单",
                "returnTo", "confirmBuyers"), review).status().value()).isEqualTo(204);

        String returned = OsakaFixture.firstActiveTask(shenyang, directiveId);
        JsonNode evidence = shenyang.get("/api/tasks/{t}/attachments", returned).body();
        assertThat(evidence.findValuesAsText("id")).containsExactly(file);
        assertThat(evidence.findValuesAsText("taskId")).as("the file opens where it was attached").containsExactly(confirm);
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 28)), returned).status().value())
                .isEqualTo(204);

        String secondReview = OsakaFixture.firstActiveTask(coordinator, directiveId);
        String page = PageSession.signedIn(base(), "coordinator").get("/tasks/" + secondReview);
        assertThat(page).contains("href=\"/tasks/" + confirm + "/attachments/" + file + "\"").contains("第 2 次提交");
        assertThat(page.split("class=\"submitted-step\"", -1)).as("each of the unit's steps once, at its latest").hasSize(4);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
