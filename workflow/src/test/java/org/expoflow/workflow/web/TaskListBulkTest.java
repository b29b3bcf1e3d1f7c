package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The coordinator ticks steps in a filtered task list and extends them at once, back on the same list with what
 * was done; ticking nothing, or a date that is none, is refused in words. A clerk's list has no ticks.
 */
@ExpoFlowTest
class TaskListBulkTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void theOfficeExtendsTheStepsItTicksInAFilteredList() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "chaoyang", "huludao");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "chaoyang", "huludao");
        String chaoyang = OsakaFixture.firstActiveTask(as("chaoyang"), directiveId);
        String huludao = OsakaFixture.firstActiveTask(as("huludao"), directiveId);
        PageSession office = PageSession.signedIn("http://localhost:" + port, "coordinator");
        String list = "/tasks?directiveId=" + directiveId;
        assertThat(office.get(list)).contains("id=\"tick-" + chaoyang + "\"").contains("id=\"bulkTasks\"");

        String nothingTicked = office.post(list, "/tasks/bulk", "action", "EXTEND", "dueOn", "2030-03-01", "reason", "展期",
                "filter", "open", "directiveId", directiveId);
        assertThat(nothingTicked).contains("勾选的事项").doesNotContain("已办理");
        String noDate = office.post(list, "/tasks/bulk", "action", "EXTEND", "taskId", chaoyang, "dueOn", "",
                "reason", "展期", "filter", "open", "directiveId", directiveId);
        assertThat(noDate).contains("请选择日期");

        String landed = office.post(list, "/tasks/bulk", "action", "EXTEND", "taskId", chaoyang, "taskId", huludao,
                "dueOn", "2030-03-01", "reason", "展期一个月", "filter", "open", "directiveId", directiveId);

        assertThat(landed).contains("已办理 2 项");
        for (String step : new String[] {chaoyang, huludao}) {
            assertThat(as("coordinator").get("/api/tasks/{t}", step).field("dueAt")).startsWith("2030-03-01");
        }
        assertThat(PageSession.signedIn("http://localhost:" + port, "chaoyang").get(list)).doesNotContain("id=\"bulkTasks\"")
                .doesNotContain("id=\"tick-");
    }

    @Test
    void theOfficeApprovesTheReviewsItTicksWithOneComment() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "dalian");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "dalian");
        for (Object body : List.of(map(), map("figures", map("buyersInvited", 50)), map("figures", map("buyersConfirmed", 20)))) {
            assertThat(as("dalian").post("/api/tasks/{t}/complete", body, OsakaFixture.firstActiveTask(as("dalian"), directiveId))
                    .status().value()).isEqualTo(204);
        }
        String review = as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items")
                .get(0).path("id").asText();
        PageSession office = PageSession.signedIn("http://localhost:" + port, "coordinator");

        String landed = office.post("/tasks?directiveId=" + directiveId, "/tasks/bulk", "action", "APPROVE", "taskId", review,
                "message", "同意，按计划推进", "filter", "open", "directiveId", directiveId);

        assertThat(landed).contains("已办理 1 项");
        JsonNode approved = as("coordinator").get("/api/tasks/{t}", review).body();
        assertThat(approved.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(approved.path("decisionComment").asText()).as("the page's one text field is the approval's comment")
                .isEqualTo("同意，按计划推进");
    }
}
