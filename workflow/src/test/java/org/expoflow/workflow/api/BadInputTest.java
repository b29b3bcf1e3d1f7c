package org.expoflow.workflow.api;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a problem response naming the field, and nothing is written. */
@ExpoFlowTest
class BadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    EventStoreProbe events;
    ExpoFlowClient coordinator;
    String expoId;

    @BeforeEach
    void osakaWithShenyang() {
        events = new EventStoreProbe(jdbc);
        coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
    }

    private void assertRefused(Answer answer, int status, String field) {
        assertThat(answer.status().value()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.field("field")).as(answer.body().toString()).isEqualTo(field);
        assertThat(answer.field("detail")).isNotBlank();
    }

    private Object directive(Object... overrides) {
        var body = map("expoId", expoId, "kind", "invite-buyers", "title", "Invite", "dueOn", "2030-02-01",
                "unitIds", List.of("shenyang"), "targets", map("buyersInvited", 50));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    @Test
    void aDirectiveWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        long before = events.count();

        assertRefused(coordinator.post("/api/directives", directive("unitIds", List.of("shenyang", "osaka-city"))), 400, "unitIds[1]");
        assertRefused(coordinator.post("/api/directives", directive("kind", "invite-byers")), 400, "kind");
        assertRefused(coordinator.post("/api/directives", directive("targets", map("buyersInvted", 5))), 400, "targets.buyersInvted");
        assertRefused(coordinator.post("/api/directives", directive("dueOn", "2020-01-01")), 400, "dueOn");
        assertRefused(coordinator.post("/api/directives", directive("dueOn", "tomorrow")), 400, "dueOn");
        assertRefused(coordinator.post("/api/directives", directive("title", "")), 400, "title");
        assertRefused(coordinator.post("/api/directives", directive("title", "x".repeat(301))), 400, "title");
        assertRefused(coordinator.post("/api/directives", directive("colour", "red")), 400, "colour");
        assertRefused(coordinator.post("/api/directives", directive("expoId", "no-such-expo")), 404, "expoId");
        assertRefused(coordinator.post("/api/directives", "{\"expoId\": "), 400, "body");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void onlyACoordinatorIssuesDirectives() {
        long before = events.count();
        Answer refused = ExpoFlowClient.as("http://localhost:" + port, "shenyang").post("/api/directives", directive());
        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void progressAndCompletionWithBadInputAreRefusedNamingTheField() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);
        long before = events.count();

        assertRefused(shenyang.post("/api/tasks/{t}/progress", map("percent", 101), taskId), 400, "percent");
        assertRefused(shenyang.post("/api/tasks/{t}/progress", map("percent", "half"), taskId), 400, "percent");
        assertRefused(shenyang.post("/api/tasks/{t}/progress", map("percent", 10, "figures", map("buyersInvited", -3)), taskId),
                400, "figures[buyersInvited]");
        assertRefused(shenyang.post("/api/tasks/{t}/progress", map("percent", 10, "figures", map("ordersSignedYuan", 3)), taskId),
                400, "figures.ordersSignedYuan");
        assertRefused(shenyang.post("/api/tasks/{t}/complete", map("values", map("colour", "red")), taskId), 400, "values.colour");
        assertRefused(shenyang.post("/api/tasks/{t}/complete", map("decision", "APPROVE"), taskId), 400, "decision");
        assertRefused(shenyang.post("/api/tasks/{t}/progress", map("percent", 10), "no-such-task"), 404, "taskId");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aTaskCompletedTwiceGivesAConflictTheSecondTime() {
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);

        assertThat(shenyang.post("/api/tasks/{t}/complete", map(), taskId).status().value()).isEqualTo(204);
        long before = events.count();
        Answer again = shenyang.post("/api/tasks/{t}/complete", map(), taskId);

        assertThat(again.status().value()).isEqualTo(409);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void taskListQueriesWithBadParametersAreRefusedNamingTheParameter() {
        assertRefused(coordinator.get("/api/tasks?page=-1"), 400, "page");
        assertRefused(coordinator.get("/api/tasks?size=lots"), 400, "size");
        assertRefused(coordinator.get("/api/tasks?size=100000"), 400, "size");
        assertRefused(coordinator.get("/api/tasks?overdue=maybe"), 400, "overdue");
        assertRefused(coordinator.get("/api/tasks?sort=colour"), 400, "sort");
        assertRefused(coordinator.get("/api/tasks?status=FINISHED"), 400, "status");
        assertRefused(coordinator.get("/api/expos/no-such-expo/board"), 404, "expoId");
    }
}
