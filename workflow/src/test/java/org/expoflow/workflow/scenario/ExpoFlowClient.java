package org.expoflow.workflow.scenario;

import org.expoflow.workflow.TestClients;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Drives a running ExpoFlow through its REST contract as one signed-in user, as a client would. */
public final class ExpoFlowClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(HttpStatusCode status, JsonNode body) {

        public String field(String name) {
            return body.path(name).asText(null);
        }
    }

    private final RestClient rest;

    private ExpoFlowClient(RestClient rest) {
        this.rest = rest;
    }

    public static ExpoFlowClient as(String baseUrl, String user) {
        return new ExpoFlowClient(TestClients.builder().baseUrl(baseUrl)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
                .build());
    }

    /** A user signing in with their own password rather than the demo's. */
    public static ExpoFlowClient as(String baseUrl, String user, String password) {
        return new ExpoFlowClient(TestClients.builder().baseUrl(baseUrl)
                .defaultHeaders(headers -> headers.setBasicAuth(user, password))
                .build());
    }

    /**
     * The security administrator adds a user (username, password, role, unitId, displayName) with a first password,
     * and the user, signing in with it, chooses the given password as their own, as a new user must before anything
     * else. Answers the security administrator's answer to the creation.
     */
    public static Answer newUser(String baseUrl, Map<String, Object> user) {
        Map<String, Object> first = new java.util.LinkedHashMap<>(user);
        String firstPassword = "First-Pass-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        first.put("password", firstPassword);
        Answer added = as(baseUrl, "security").post("/api/admin/users", first);
        if (added.status().value() == 201) {
            Answer changed = as(baseUrl, (String) user.get("username"), firstPassword).put("/api/me/password",
                    map("currentPassword", firstPassword, "password", user.get("password")));
            if (changed.status().value() != 204) {
                throw new IllegalStateException("the new user's own password was refused: " + changed.body());
            }
        }
        return added;
    }

    /** The same user, sending this header with every request too. */
    public ExpoFlowClient withHeader(String name, String value) {
        return new ExpoFlowClient(rest.mutate().defaultHeader(name, value).build());
    }

    public Answer get(String path, Object... uriVariables) {
        return exchange(rest.get().uri(path, uriVariables));
    }

    public Answer post(String path, Object body, Object... uriVariables) {
        RestClient.RequestBodySpec request = rest.post().uri(path, uriVariables).contentType(MediaType.APPLICATION_JSON);
        if (body instanceof String raw) {
            request.body(raw);
        } else if (body != null) {
            request.body(body);
        }
        return exchange(request);
    }

    public Answer put(String path, Object body, Object... uriVariables) {
        RestClient.RequestBodySpec request = rest.put().uri(path, uriVariables).contentType(MediaType.APPLICATION_JSON);
        if (body instanceof String raw) {
            request.body(raw);
        } else if (body != null) {
            request.body(body);
        }
        return exchange(request);
    }

    public Answer delete(String path, Object... uriVariables) {
        return exchange(rest.delete().uri(path, uriVariables));
    }

    public Answer post(String path) {
        return post(path, (Object) null);
    }

    private static Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            return new Answer(response.getStatusCode(), body);
        });
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
