package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A target of 45,500 buyers and a report of 45,000 read in the figures as a person writes them (45500, 45000),
 * whatever reads the JSON: never in the exponent form (4.55E+4) a number takes once its trailing zeros are
 * stripped.
 */
@ExpoFlowTest
class FiguresInPlainNumbersTest {

    @LocalServerPort
    int port;

    @Test
    void targetsAndReportedFiguresAreWrittenAsPlainNumbers() throws Exception {
        String base = "http://localhost:" + port;
        ExpoFlowClient coordinator = ExpoFlowClient.as(base, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite the Kansai buyers", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"),
                "targets", map("buyersInvited", 45500))).field("id");
        ExpoFlowClient shenyang = ExpoFlowClient.as(base, "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        ExpoFlowClient.Answer reported = shenyang.post("/api/tasks/{t}/progress",
                map("percent", 30, "note", "letters out", "figures", map("buyersInvited", 45000)), task);
        assertThat(reported.status().value()).as(reported.body().toString()).isEqualTo(204);

        String figures = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/expos/" + expoId + "/figures"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("leader:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(figures).contains("\"value\":45000,\"target\":45500").doesNotContain("E+");
    }
}
