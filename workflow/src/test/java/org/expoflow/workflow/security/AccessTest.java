package org.expoflow.workflow.security;

import org.expoflow.workflow.TestClients;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** Nothing is served to anyone anonymous but the health endpoint; the engine's own tools to ADMIN only. */
@ExpoFlowTest
class AccessTest {

    @LocalServerPort
    int port;

    private RestClient.RequestHeadersSpec<?> get(String path, String user) {
        RestClient.RequestHeadersSpec<?> request = TestClients.rest("http://localhost:" + port).get().uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes()));
        }
        return request;
    }

    private int status(String path, String user) {
        return get(path, user).exchange((req, response) -> response.getStatusCode().value());
    }

    @Test
    void anonymousCallersGetOnlyTheHealthEndpoint() {
        assertThat(status("/actuator/health", null)).isEqualTo(200);
        for (String path : new String[] {"/api/tasks", "/api/expos", "/engine-rest/task", "/engine-rest/deployment",
                "/camunda/app/cockpit/default/", "/camunda/api/engine/engine/default/process-definition/count",
                "/actuator/prometheus",
                "/v3/api-docs", "/swagger-ui.html"}) {
            assertThat(status(path, null)).as(path).isEqualTo(401);
        }
        // the pages send an anonymous visitor to the sign-in form instead
        for (String page : new String[] {"/", "/tasks", "/console", "/board"}) {
            String answer = get(page, null).exchange((req, response) -> response.getStatusCode().value() + " "
                    + response.getHeaders().getFirst("Location"));
            assertThat(answer).as(page).matches("302 .*/login");
        }
    }

    @Test
    void theCamundaWebappsAndMetricsAreForAdminOnlyWhoSignsInOnce() {
        assertThat(status("/camunda/app/cockpit/default/", "coordinator")).isEqualTo(403);
        assertThat(status("/camunda/app/cockpit/default/", "shenyang")).isEqualTo(403);
        assertThat(status("/actuator/prometheus", "leader")).isEqualTo(403);
        OsakaFixture.osakaWith(ExpoFlowClient.as("http://localhost:" + port, "coordinator"));
        assertThat(get("/actuator/prometheus", "admin").retrieve().body(String.class))
                .as("Axon's metrics, dimensional").contains("eventProcessor").contains("payloadType=");
        // the webapps' own API answers only a webapp-authenticated user: signed in through ours, once
        String definitions = get("/camunda/api/engine/engine/default/process-definition/count", "admin")
                .retrieve().body(String.class);
        assertThat(definitions).contains("\"count\"");
    }

    @Test
    void theEnginesOwnApiIsNotForCityClerksOrLeadersAndDeploymentsAreForAdminOnly() {
        assertThat(status("/engine-rest/task", "shenyang")).as("it lists every unit's tasks").isEqualTo(403);
        assertThat(status("/engine-rest/task", "leader")).isEqualTo(403);
        assertThat(status("/engine-rest/task", "coordinator")).isEqualTo(200);
        assertThat(status("/engine-rest/deployment", "coordinator")).isEqualTo(403);
        assertThat(status("/engine-rest/deployment", "admin")).isEqualTo(200);
    }

    @Test
    void prometheusScrapesWithItsTokenWhichOpensNothingElse() {
        assertThat(withBearer("/actuator/prometheus", ExpoFlowTest.SCRAPE_TOKEN)).isEqualTo(200);
        assertThat(withBearer("/actuator/prometheus", "scrape-me-3f9b")).isEqualTo(401);
        assertThat(withBearer("/api/tasks", ExpoFlowTest.SCRAPE_TOKEN)).isEqualTo(401);
    }

    private int withBearer(String path, String token) {
        return TestClients.rest("http://localhost:" + port).get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((req, response) -> response.getStatusCode().value());
    }

    @Test
    void aCityUserSeesOnlyItsOwnUnit() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang", "dalian"), "shenyang", "dalian");
        ExpoFlowClient dalian = ExpoFlowClient.as("http://localhost:" + port, "dalian");
        assertThat(dalian.get("/api/tasks?unitId=shenyang").status().value()).isEqualTo(403);
        JsonNode items = dalian.get("/api/tasks").body().path("items");
        assertThat(items).isNotEmpty();
        // another unit's task shows only when the office handed it to Dalian or asked Dalian to co-operate on it
        items.forEach(item -> assertThat(item.path("unitId").asText().equals("dalian")
                || item.path("candidateGroup").asText().equals("dalian")
                || item.path("cooperatingUnits").toString().contains("\"dalian\"")).as(item.toString()).isTrue());
    }
}
