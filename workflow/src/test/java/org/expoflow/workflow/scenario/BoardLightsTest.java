package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The board's lights flag trouble: work the office sent back is amber while the unit redoes it, though
 * its deadline is far off, and red once it has been sent back twice; approved at last, it is green.
 */
@ExpoFlowTest
class BoardLightsTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void workSentBackIsAmberThenRedWhenSentBackAgainAndGreenOnceApproved() {
        ExpoFlowClient coordinator = as("coordinator");
        ExpoFlowClient leader = as("leader");
        ExpoFlowClient benxi = as("benxi");
        String expoId = OsakaFixture.osakaWith(coordinator, "benxi");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "benxi");

        submit(benxi, directiveId);
        assertThat(light(leader, expoId)).as("submitted, on time").isEqualTo("GREEN");
        decide(coordinator, directiveId, "RETURN");
        assertThat(light(leader, expoId)).as("sent back once, redone with months to go").isEqualTo("AMBER");

        submit(benxi, directiveId);
        decide(coordinator, directiveId, "RETURN");
        assertThat(light(leader, expoId)).as("sent back twice").isEqualTo("RED");

        submit(benxi, directiveId);
        decide(coordinator, directiveId, "APPROVE");
        assertThat(light(leader, expoId)).as("approved").isEqualTo("GREEN");
    }

    /** The unit's three steps of "invite buyers": the list drafted, the invitations sent, the answers counted. */
    private static void submit(ExpoFlowClient unit, String directiveId) {
        for (Object body : List.of(map(), map("figures", map("buyersInvited", 12)), map("figures", map("buyersConfirmed", 5)))) {
            assertThat(unit.post("/api/tasks/{t}/complete", body, OsakaFixture.firstActiveTask(unit, directiveId))
                    .status().value()).isEqualTo(204);
        }
    }

    private static void decide(ExpoFlowClient coordinator, String directiveId, String decision) {
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", decision, "comment", "see the list"),
                OsakaFixture.firstActiveTask(coordinator, directiveId)).status().value()).isEqualTo(204);
    }

    private static String light(ExpoFlowClient leader, String expoId) {
        JsonNode board = leader.get("/api/expos/{e}/board", expoId).body();
        JsonNode benxi = StreamSupport.stream(board.path("units").spliterator(), false)
                .filter(unit -> unit.path("unitId").asText().equals("benxi")).findFirst().orElseThrow();
        return benxi.path("cells").get(0).path("light").asText();
    }
}
