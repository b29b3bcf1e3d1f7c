package org.expoflow.workflow.security;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Walks every operation of the engine REST API's own OpenAPI document, as every role, with and without
 * the engine name in the path: only what {@link EngineRestAllowList} names for a role gets past 403.
 */
@ExpoFlowTest
class EngineRestAllowListTest {

    private static final Map<String, Role> USERS = Map.of("shenyang", Role.CITY, "leader", Role.LEADER,
            "coordinator", Role.COORDINATOR, "admin", Role.ADMIN);

    @LocalServerPort
    int port;

    private record Operation(String method, String template) {
        String probePath() {
            return template.replaceAll("\\{[^}]+}", "probe");
        }
    }

    private static List<Operation> documentedOperations() throws IOException {
        try (InputStream document = EngineRestAllowListTest.class.getResourceAsStream("/openapi.json")) {
            JsonNode paths = new ObjectMapper().readTree(document).path("paths");
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> path = paths.fields(); path.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = path.next();
                entry.getValue().fieldNames().forEachRemaining(method -> {
                    if (List.of("get", "post", "put", "delete", "options").contains(method)) {
                        operations.add(new Operation(method.toUpperCase(), entry.getKey()));
                    }
                });
            }
            return operations;
        }
    }

    @Test
    void everyOperationOfTheEnginesApiIsForbiddenToEveryRoleThatIsNotAllowedIt() throws IOException {
        List<Operation> operations = documentedOperations();
        assertThat(operations).as("the engine's OpenAPI document").hasSizeGreaterThan(300);
        List<String> wrong = new ArrayList<>();
        int allowedAnswers = 0;
        for (Operation operation : operations) {
            for (String prefix : new String[] {"/engine-rest", "/engine-rest/engine/default"}) {
                String path = prefix + operation.probePath();
                for (Map.Entry<String, Role> user : USERS.entrySet()) {
                    boolean allowed = EngineRestAllowList.allows(user.getValue(), operation.method(), path);
                    int status = send(operation.method(), path, user.getKey());
                    if (!allowed && status != 403) {
                        wrong.add(user.getKey() + " " + operation.method() + " " + path + " answered " + status);
                    }
                    if (allowed && status == 403) {
                        wrong.add(user.getKey() + " " + operation.method() + " " + path + " is allowed but answered 403");
                    }
                    allowedAnswers += allowed ? 1 : 0;
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(allowedAnswers).as("coordinators and admins keep their reading").isGreaterThan(100);
    }

    @Test
    void everyOperationTheAllowListNamesIsInTheEnginesApi() throws IOException {
        List<Operation> operations = documentedOperations();
        for (Role role : Role.values()) {
            for (EngineRestAllowList.Operation allowed : EngineRestAllowList.allowedTo(role)) {
                assertThat(operations.stream().anyMatch(documented -> documented.method().equals(allowed.method())
                        && allowed.path().matches(PathContainer.parsePath(documented.probePath()))))
                        .as(role + " " + allowed.method() + " " + allowed.path()).isTrue();
            }
        }
        assertThat(EngineRestAllowList.allowedTo(Role.CITY)).isEmpty();
        assertThat(EngineRestAllowList.allowedTo(Role.LEADER)).isEmpty();
    }

    private int send(String method, String path, String user) {
        RestClient.RequestBodySpec request = TestClients.rest("http://localhost:" + port).method(HttpMethod.valueOf(method))
                .uri("http://localhost:" + port + path).headers(headers -> headers.setBasicAuth(user, "demo"));
        if (method.equals("POST") || method.equals("PUT")) {
            request.contentType(MediaType.APPLICATION_JSON).body("{}");
        }
        return request.exchange((req, response) -> response.getStatusCode().value());
    }
}
