package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Filters saved on the server, per user: a clerk keeps "our overdue ones" and opens the list with them again;
 * shared with a role, everyone of that role has it too, and only its owner removes it. A filter the list does
 * not take, or a role that is none, is refused naming the field, and nothing is saved.
 */
@ExpoFlowTest
class SavedFiltersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aFilterSharedWithARoleIsThereForEveryoneOfItAndRemovedOnlyByItsOwner() {
        String id = as("dalian").post("/api/filters", map("name", "逾期的邀请", "list", "TASKS",
                "parameters", map("filter", "overdue", "q", "邀请"), "sharedWith", "CITY")).field("id");

        JsonNode seenByAnshan = as("anshan").get("/api/filters?list=TASKS").body();
        JsonNode shared = find(seenByAnshan, id);
        assertThat(shared.path("name").asText()).isEqualTo("逾期的邀请");
        assertThat(shared.path("mine").asBoolean()).isFalse();
        assertThat(shared.path("opens").asText()).startsWith("/tasks?filter=overdue&q=");
        assertThat(find(as("leader").get("/api/filters").body(), id)).as("not shared with leadership").isNull();

        assertThat(as("anshan").delete("/api/filters/{f}", id).status().value()).isEqualTo(404);
        assertThat(find(as("dalian").get("/api/filters").body(), id)).isNotNull();
        assertThat(as("dalian").delete("/api/filters/{f}", id).status().value()).isEqualTo(204);
        assertThat(find(as("anshan").get("/api/filters").body(), id)).isNull();
    }

    @Test
    void aFilterTheListDoesNotTakeOrARoleThatIsNoneIsRefusedNamingItAndNothingIsSaved() {
        int before = jdbc.queryForObject("select count(*) from saved_filter", Integer.class);

        ExpoFlowClient.Answer unknown = as("coordinator").withHeader("Accept-Language", "zh-CN").post("/api/filters",
                map("name", "颜色", "list", "TASKS", "parameters", map("colour", "red")));
        ExpoFlowClient.Answer noRole = as("coordinator").post("/api/filters",
                map("name", "全部", "list", "TASKS", "parameters", map("filter", "open"), "sharedWith", "everyone"));
        ExpoFlowClient.Answer noName = as("coordinator").post("/api/filters",
                map("name", " ", "list", "TASKS", "parameters", map("filter", "open")));
        ExpoFlowClient.Answer noExpo = as("coordinator").post("/api/filters",
                map("name", "逾期", "list", "OVERDUE", "parameters", map("sort", "daysLate")));

        assertThat(unknown.status().value()).isEqualTo(400);
        assertThat(unknown.field("field")).isEqualTo("parameters.colour");
        assertThat(unknown.field("detail")).contains("colour").contains("unitId");
        assertThat(noRole.field("field")).isEqualTo("sharedWith");
        assertThat(noName.field("field")).isEqualTo("name");
        assertThat(noExpo.field("field")).isEqualTo("parameters.expoId");
        assertThat(jdbc.queryForObject("select count(*) from saved_filter", Integer.class)).isEqualTo(before);
    }

    @Test
    void aClerkSavesTheListsFiltersOnThePageAndOpensTheListWithThemAgain() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "jinzhou");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "jinzhou");
        PageSession clerk = PageSession.signedIn("http://localhost:" + port, "jinzhou");

        String landed = clerk.post("/tasks?directiveId=" + directiveId, "/tasks/filters", "name", "本次邀请",
                "filter", "open", "mine", "false", "directiveId", directiveId, "q", "");

        assertThat(landed).contains("筛选已保存").contains("本次邀请");
        JsonNode saved = as("jinzhou").get("/api/filters?list=TASKS").body();
        JsonNode mine = null;
        for (JsonNode filter : saved) {
            if (filter.path("name").asText().equals("本次邀请")) {
                mine = filter;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("parameters").path("directiveId").asText()).isEqualTo(directiveId);
        String reopened = clerk.get(mine.path("opens").asText());
        assertThat(reopened).contains("拟定邀请名单");

        String twice = clerk.post("/tasks", "/tasks/filters", "name", "本次邀请", "filter", "open", "mine", "false");
        assertThat(twice).contains("已有名为“本次邀请”的筛选");
    }

    private static JsonNode find(JsonNode filters, String id) {
        for (JsonNode filter : filters) {
            if (filter.path("id").asText().equals(id)) {
                return filter;
            }
        }
        return null;
    }
}
