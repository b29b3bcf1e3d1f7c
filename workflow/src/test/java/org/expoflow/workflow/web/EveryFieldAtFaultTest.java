package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A form refused for several faults says each at its field at once, not one per attempt: the coordinator's issue
 * form without title, deadline or units shows all three; the API answers the first as before and lists every one
 * in {@code errors}. Nothing is issued.
 */
@ExpoFlowTest
class EveryFieldAtFaultTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIssueFormShowsEveryFieldAtFaultAtOnce() throws Exception {
        String expoId = OsakaFixture.osakaWith(ExpoFlowClient.as("http://localhost:" + port, "coordinator"), "chaoyang");
        int directives = jdbc.queryForObject("select count(*) from directive_view", Integer.class);
        PageSession office = PageSession.signedIn("http://localhost:" + port, "coordinator");

        String landed = office.post("/console?expoId=" + expoId, "/console/" + expoId + "/directives",
                "kind", "invite-buyers", "title", "", "dueOn", "");

        assertThat(landed.split("class=\"field-error\"", -1)).as("three fields at fault, each with its message").hasSize(4);
        assertThat(landed).contains("标题").contains("请给出督办事项的完成期限").contains("承办单位");
        assertThat(jdbc.queryForObject("select count(*) from directive_view", Integer.class)).isEqualTo(directives);
    }

    @Test
    void theApiAnswersTheFirstFaultAndListsEveryOne() {
        JsonNode refused = ExpoFlowClient.as("http://localhost:" + port, "coordinator").withHeader("Accept-Language", "zh-CN")
                .post("/api/directives", map("expoId", "osaka", "kind", "invite-buyers", "unitIds", List.of())).body();

        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("field").asText()).isEqualTo("title");
        assertThat(refused.path("errors").findValuesAsText("field")).containsExactly("title", "unitIds", "dueOn");
        assertThat(refused.path("errors").findValuesAsText("detail")).allMatch(detail -> !detail.isBlank());
    }
}
