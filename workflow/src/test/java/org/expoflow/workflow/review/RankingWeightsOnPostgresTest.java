package org.expoflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.PostgresTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * On PostgreSQL the office's weights are stored as it set them, two decimals kept, set again in place, and the ranking
 * is scored by them; a refused change stores nothing.
 */
@PostgresTest
class RankingWeightsOnPostgresTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void theWeightsAreStoredAsSetAndScoreTheRanking() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "dalian");

        assertThat(coordinator.put("/api/expos/{e}/ranking/weights", map("onTime", 12.25, "daysLate", 0, "chaseUps", 0,
                "returns", 0, "reports", 0, "figures", 0), expoId).status().value()).isEqualTo(200);
        assertThat(coordinator.put("/api/expos/{e}/ranking/weights", map("onTime", 40, "daysLate", 20, "chaseUps", 15,
                "returns", 10, "reports", 10, "figures", 2.75), expoId).status().value()).as("set again in place").isEqualTo(200);
        assertThat(coordinator.put("/api/expos/{e}/ranking/weights", map("onTime", 40, "daysLate", 20, "chaseUps", 15,
                "returns", 10, "reports", 10, "figures", -1), expoId).status().value()).isEqualTo(400);

        JsonNode stored = as("leader").get("/api/expos/{e}/ranking/weights", expoId).body();
        assertThat(stored.path("byDefault").asBoolean()).isFalse();
        assertThat(stored.path("weights").path("onTime").decimalValue()).isEqualByComparingTo("40");
        assertThat(stored.path("weights").path("figures").decimalValue()).isEqualByComparingTo("2.75");
        JsonNode scoredBy = as("leader").get("/api/expos/{e}/ranking", expoId).body().path("settings").path("weights");
        assertThat(scoredBy.path("figures").decimalValue()).isEqualByComparingTo("2.75");
        assertThat(as("leader").get("/api/expos/{e}/ranking", expoId).body().path("units").get(0).path("score").asDouble())
                .as("nothing to judge yet: full marks").isEqualTo(100.0);
    }
}
