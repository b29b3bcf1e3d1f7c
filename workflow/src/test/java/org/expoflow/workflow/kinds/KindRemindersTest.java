package org.expoflow.workflow.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.notifications.Reminders;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kind says how its steps are reminded: a kind that declares a month ahead and a fortnight ahead reminds then
 * and not at the week the other kinds remind at; a kind whose reminders cannot be read, or that would remind of
 * an overdue step more than once a day, is refused at deployment naming what is wrong.
 */
@ExpoFlowTest
class KindRemindersTest {

    @LocalServerPort
    int port;

    @Autowired
    Reminders reminders;

    @Test
    void aKindThatDeclaresItsTiersRemindsByThem() throws IOException {
        JsonNode deployed = deploy("monthly-trial", "P30D,P14D", "P1D");
        assertThat(deployed.path("status").asInt()).as(deployed.toString()).isEqualTo(201);
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "dalian");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "monthly-trial",
                "title", "主题活动", "dueOn", "2030-02-01", "unitIds", List.of("dalian"))).field("id");
        ExpoFlowClient dalian = ExpoFlowClient.as("http://localhost:" + port, "dalian");
        String step = OsakaFixture.firstActiveTask(dalian, directiveId);
        Instant dueAt = Instant.parse(dalian.get("/api/tasks/{t}", step).field("dueAt"));

        reminders.remindDue(dueAt.minus(Duration.ofDays(20)));
        reminders.remindDue(dueAt.minus(Duration.ofDays(10)));
        reminders.remindDue(dueAt.minus(Duration.ofDays(6)));

        assertThat(dalian.get("/api/inbox").body().findParents("taskId").stream()
                .filter(item -> item.path("taskId").asText().equals(step) && item.path("notice").asText().equals("REMINDER_BEFORE"))
                .map(item -> item.path("text").asText()).toList())
                .hasSize(2).anyMatch(text -> text.contains("还有 20 天")).anyMatch(text -> text.contains("还有 10 天"));
    }

    @Test
    void aKindWhoseRemindersCannotBeReadIsRefusedNamingWhatIsWrong() throws IOException {
        JsonNode hourly = deploy("hourly-trial", "P7D", "PT1H");
        assertThat(hourly.path("status").asInt()).isEqualTo(400);
        assertThat(hourly.at("/body/field").asText()).isEqualTo("file");
        assertThat(hourly.at("/body/detail").asText()).contains("remindOverdueEvery").contains("at least a day");

        JsonNode unreadable = deploy("unreadable-trial", "a week ahead", "P1D");
        assertThat(unreadable.at("/body/detail").asText()).contains("remindBefore");
        assertThat(ExpoFlowClient.as("http://localhost:" + port, "coordinator").get("/api/directive-kinds").body()
                .findValuesAsText("key")).doesNotContain("hourly-trial", "unreadable-trial");
    }

    private JsonNode deploy(String key, String remindBefore, String remindOverdueEvery) throws IOException {
        String bpmn = KindUploads.trialKind(key).replace("<bpmn:startEvent", "<bpmn:extensionElements><camunda:properties>"
                + "<camunda:property name=\"remindBefore\" value=\"" + remindBefore + "\"/>"
                + "<camunda:property name=\"remindOverdueEvery\" value=\"" + remindOverdueEvery + "\"/>"
                + "</camunda:properties></bpmn:extensionElements>\n    <bpmn:startEvent");
        return KindUploads.upload(port, key, bpmn, Map.of());
    }
}
