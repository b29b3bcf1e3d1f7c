package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinator's console chases up the overdue steps it ticks, in one go, and says how many were done; a
 * bulk action without what it needs is refused in words at the field.
 */
@ExpoFlowTest
class ConsoleChaseUpTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void theOfficeTicksOverdueStepsAndChasesThemAllUp() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "jinzhou", "fushun");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "今晚前邀请", "dueAt", Instant.now().plusSeconds(3).toString(),
                "unitIds", List.of("jinzhou", "fushun"))).field("id");
        String jinzhou = OsakaFixture.firstActiveTask(as("jinzhou"), directiveId);
        String fushun = OsakaFixture.firstActiveTask(as("fushun"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("coordinator")
                .get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().findValuesAsText("stepKey").stream()
                .filter("chaseUpUnit"::equals).count() == 2);
        PageSession office = PageSession.signedIn("http://localhost:" + port, "coordinator");
        String console = office.get("/console?expoId=" + expoId);
        assertThat(console).contains("id=\"tick-" + jinzhou + "\"").contains("id=\"tick-" + fushun + "\"")
                .contains("id=\"chase-" + jinzhou + "\"");

        String withoutMessage = office.post("/console?expoId=" + expoId, "/console/" + expoId + "/tasks/bulk",
                "action", "CHASE_UP", "taskId", jinzhou, "message", "");
        assertThat(withoutMessage).contains("督办要求").doesNotContain("已办理");

        String landed = office.post("/console?expoId=" + expoId, "/console/" + expoId + "/tasks/bulk",
                "action", "CHASE_UP", "taskId", jinzhou, "taskId", fushun, "message", "请今天报送邀请人数");

        assertThat(landed).contains("已办理 2 项");
        for (String unit : List.of("jinzhou", "fushun")) {
            assertThat(as(unit).get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().findValuesAsText("stepKey"))
                    .contains("acknowledgeChaseUp");
        }
        assertThat(office.get("/console?expoId=" + expoId)).as("chased up, no second chase-up offered")
                .doesNotContain("id=\"chase-" + jinzhou + "\"");
        // still open after the grace period, both are escalated: the test leaves no timer running behind it
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(jinzhou, fushun).stream().allMatch(step ->
                as("coordinator").get("/api/tasks/{t}", step).body().path("escalatedAt").isTextual()));
    }
}
