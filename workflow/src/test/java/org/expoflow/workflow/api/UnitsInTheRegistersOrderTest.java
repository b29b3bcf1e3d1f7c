package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Units come in the register's order (沈阳、大连、鞍山…), never by their ids (鞍山 first): the overdue list sorted by
 * unit, and the units a directive went to on its own page.
 */
@ExpoFlowTest
class UnitsInTheRegistersOrderTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void theOverdueListByUnitAndTheDirectivesPageFollowTheRegister() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "anshan", "shenyang", "dalian");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "三市今晚前邀请采购商", "dueAt", Instant.now().plusSeconds(2).toString(),
                "unitIds", List.of("anshan", "shenyang", "dalian"))).field("id");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("coordinator").get("/api/expos/{e}/overdue", expoId).body().path("items").size() == 3);

        assertThat(as("coordinator").get("/api/expos/{e}/overdue?sort=unitId", expoId).body().path("items")
                .findValuesAsText("unitId")).containsExactly("shenyang", "dalian", "anshan");
        assertThat(as("coordinator").get("/api/expos/{e}/overdue?sort=-unitId", expoId).body().path("items")
                .findValuesAsText("unitId")).containsExactly("anshan", "dalian", "shenyang");

        String page = PageSession.signedIn("http://localhost:" + port, "coordinator").get("/directives/" + directiveId);
        String units = page.substring(page.indexOf("id=\"units\""));
        assertThat(units.indexOf("沈阳市")).isPositive().isLessThan(units.indexOf("大连市"));
        assertThat(units.indexOf("大连市")).isLessThan(units.indexOf("鞍山市"));
    }
}
