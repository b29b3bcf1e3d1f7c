package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.RepositoryService;
import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Due soon" means one thing everywhere: a unit's step is due soon once its own supervision says so, by
 * the lead its kind declares or else the configured one (three days), and the task, the board and the
 * office's due-soon list all read that.
 */
@ExpoFlowTest
class DueSoonTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void aStepIsDueSoonByItsKindsOwnLeadOnTheTaskTheBoardAndTheDueSoonList() throws IOException {
        // a kind that wants ten days' warning
        String trial = new String(new ClassPathResource("kinds/theme-activity-trial.bpmn").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).replace("theme-activity-trial", "early-warning-trial")
                .replace("camunda:historyTimeToLive=\"P30D\">", "camunda:historyTimeToLive=\"P30D\">\n<bpmn:extensionElements>"
                        + "<camunda:properties><camunda:property name=\"dueSoonBefore\" value=\"P10D\"/></camunda:properties>"
                        + "</bpmn:extensionElements>");
        repositoryService.createDeployment().name("early-warning-trial").addString("early-warning-trial.bpmn", trial).deploy();

        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        ExpoFlowClient leader = ExpoFlowClient.as("http://localhost:" + port, "leader");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        String inFiveDays = Instant.now().plus(Duration.ofDays(5)).toString();
        String earlyWarning = coordinator.post("/api/directives", map("expoId", expoId, "kind", "early-warning-trial",
                "title", "Theme activities, warned ten days ahead", "dueAt", inFiveDays, "unitIds", List.of("shenyang"))).field("id");
        String invite = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite buyers, warned three days ahead", "dueAt", inFiveDays, "unitIds", List.of("dalian"))).field("id");

        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        ExpoFlowClient dalian = ExpoFlowClient.as("http://localhost:" + port, "dalian");
        assertThat(shenyang.get("/api/tasks/{t}", OsakaFixture.firstActiveTask(shenyang, earlyWarning)).body()
                .path("dueSoon").asBoolean()).as("five days ahead, within its kind's ten").isTrue();
        assertThat(dalian.get("/api/tasks/{t}", OsakaFixture.firstActiveTask(dalian, invite)).body()
                .path("dueSoon").asBoolean()).as("five days ahead, outside the default three").isFalse();

        JsonNode board = leader.get("/api/expos/{e}/board", expoId).body();
        JsonNode shenyangCell = cell(board, "shenyang");
        JsonNode dalianCell = cell(board, "dalian");
        assertThat(shenyangCell.path("dueSoon").asBoolean()).isTrue();
        assertThat(shenyangCell.path("light").asText()).isEqualTo("AMBER");
        assertThat(dalianCell.path("dueSoon").asBoolean()).isFalse();
        assertThat(dalianCell.path("light").asText()).isEqualTo("GREEN");

        assertThat(leader.get("/api/expos/{e}/due-soon", expoId).body().path("items").findValuesAsText("unitId"))
                .containsExactly("shenyang");
    }

    private static JsonNode cell(JsonNode board, String unitId) {
        JsonNode unit = StreamSupport.stream(board.path("units").spliterator(), false)
                .filter(u -> u.path("unitId").asText().equals(unitId)).findFirst().orElseThrow();
        assertThat(unit.path("cells")).hasSize(1);
        return unit.path("cells").get(0);
    }
}
