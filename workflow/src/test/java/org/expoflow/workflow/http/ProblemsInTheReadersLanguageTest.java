package org.expoflow.workflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A body the API cannot read is refused in the reader's language, naming the field and saying what it takes: the
 * values an action may have, the kind of value a field wants, a field the endpoint does not know. Nothing is written.
 */
@ExpoFlowTest
class ProblemsInTheReadersLanguageTest {

    @LocalServerPort
    int port;

    private ExpoFlowClient coordinator(String language) {
        return ExpoFlowClient.as("http://localhost:" + port, "coordinator").withHeader("Accept-Language", language);
    }

    @Test
    void anUnknownBulkActionIsRefusedListingTheActionsThereAre() {
        Answer chinese = coordinator("zh-CN").post("/api/tasks/bulk", map("action", "SHRED", "taskIds", List.of("x")));
        assertThat(chinese.status().value()).isEqualTo(400);
        assertThat(chinese.field("field")).isEqualTo("action");
        assertThat(chinese.field("detail")).contains("SHRED").contains("只能是以下之一").contains("EXTEND").contains("CHASE_UP");

        Answer english = coordinator("en").post("/api/tasks/bulk", map("action", "SHRED", "taskIds", List.of("x")));
        assertThat(english.field("detail")).contains("it is one of").contains("REASSIGN");
    }

    @Test
    void aValueOfTheWrongKindAndAnUnknownFieldAreNamedAndNothingIsWritten() {
        long expos = coordinator("zh-CN").get("/api/expos").body().path("expos").size();

        Answer notAList = coordinator("zh-CN").post("/api/directives", map("expoId", "x", "kind", "invite-buyers", "title", "邀请",
                "dueOn", "2030-02-01", "unitIds", "shenyang"));
        assertThat(notAList.status().value()).isEqualTo(400);
        assertThat(notAList.field("field")).isEqualTo("unitIds");
        assertThat(notAList.field("detail")).contains("unitIds").contains("列表").doesNotContain("wrong type");

        Answer unknown = coordinator("zh-CN").post("/api/expos", map("name", "大阪", "venue", "大阪", "opensOn", "2030-03-01",
                "closesOn", "2030-03-04", "budget", 100));
        assertThat(unknown.status().value()).isEqualTo(400);
        assertThat(unknown.field("field")).isEqualTo("budget");
        assertThat(unknown.field("detail")).contains("不接受字段 budget");
        assertThat(coordinator("zh-CN").get("/api/expos").body().path("expos").size()).isEqualTo(expos);
    }

    @Test
    void aQueryParameterOfTheWrongKindIsNamedInTheReadersLanguage() {
        Answer notANumber = coordinator("zh-CN").get("/api/tasks?page=abc");
        assertThat(notANumber.status().value()).isEqualTo(400);
        assertThat(notANumber.field("field")).isEqualTo("page");
        assertThat(notANumber.field("detail")).contains("参数 page").contains("“abc”").contains("数字");

        Answer notABoolean = coordinator("zh-CN").get("/api/tasks?overdue=maybe");
        assertThat(notABoolean.field("field")).isEqualTo("overdue");
        assertThat(notABoolean.field("detail")).contains("参数 overdue").contains("true 或 false");

        Answer tooLarge = coordinator("zh-CN").get("/api/tasks?size=5000");
        assertThat(tooLarge.status().value()).isEqualTo(400);
        assertThat(tooLarge.field("field")).isEqualTo("size");
        assertThat(tooLarge.field("detail")).contains("参数 size").contains("500").doesNotContain("is not valid");

        assertThat(coordinator("en").get("/api/tasks?page=abc").field("detail")).contains("The parameter page").contains("a number");
    }

    @Test
    void aStateOfDeliveriesNotKnownListsTheStatesThereAre() {
        Answer refused = ExpoFlowClient.as("http://localhost:" + port, "admin").withHeader("Accept-Language", "zh-CN")
                .get("/api/admin/notifications/deliveries?state=LOST");
        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.field("field")).isEqualTo("state");
        assertThat(refused.field("detail")).contains("LOST").contains("PENDING").contains("FAILED").contains("SENT");
    }
}
