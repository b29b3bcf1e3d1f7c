package org.expoflow.workflow.api;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random bodies thrown at every writing endpoint, as the right and the wrong users: never a 5xx, always
 * a problem response, and an endpoint that refuses writes no event.
 */
@ExpoFlowTest
class RandomInputTest {

    private static final int BODIES_PER_ENDPOINT = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELD_NAMES = List.of("name", "venue", "opensOn", "closesOn", "unitId", "kind",
            "expoId", "title", "instructions", "dueOn", "dueAt", "unitIds", "targets", "percent", "note", "problems",
            "suggestions", "figures", "values", "decision", "comment", "username", "password", "role", "displayName",
            "buyersInvited", "invitationList");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    record Endpoint(String user, String method, String path) {
    }

    @Test
    void randomBodiesNeverBreakAnEndpointNorWriteWhenRefused() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(as("shenyang"), directiveId);
        // the password endpoint may well accept a random password: aim it at a user no one else signs in as
        as("security").post("/api/admin/users", ExpoFlowClient.map("username", "random-target", "password", "Random-Target-2030",
                "role", "LEADER"));
        List<Endpoint> endpoints = new ArrayList<>();
        for (String user : List.of("coordinator", "shenyang", "dalian", "leader", "admin", "security")) {
            endpoints.addAll(List.of(new Endpoint(user, "POST", "/api/expos"),
                    new Endpoint(user, "POST", "/api/expos/" + expoId + "/units"),
                    new Endpoint(user, "POST", "/api/directives"),
                    new Endpoint(user, "POST", "/api/tasks/" + taskId + "/progress"),
                    new Endpoint(user, "POST", "/api/tasks/" + taskId + "/complete"),
                    new Endpoint(user, "POST", "/api/admin/users"),
                    new Endpoint(user, "PUT", "/api/admin/users/random-target/password")));
        }
        endpoints.add(new Endpoint("shenyang", "POST", "/api/tasks/%00nope/complete"));
        endpoints.add(new Endpoint("coordinator", "POST", "/api/expos/nope/units"));
        EventStoreProbe events = new EventStoreProbe(jdbc);

        for (Endpoint endpoint : endpoints) {
            for (String body : bodies().sampleStream().limit(BODIES_PER_ENDPOINT).toList()) {
                long before = events.count();
                Answer answer = send(endpoint, body);
                String context = endpoint + " with " + body + " answered " + answer.status() + " " + answer.body();
                assertThat(answer.status().is5xxServerError()).as(context).isFalse();
                if (answer.status().is4xxClientError()) {
                    assertThat(answer.body().path("status").asInt()).as(context).isEqualTo(answer.status().value());
                    assertThat(events.count()).as("a refused request wrote nothing: " + context).isEqualTo(before);
                }
            }
        }
    }

    private Answer send(Endpoint endpoint, String body) {
        ExpoFlowClient client = as(endpoint.user());
        return switch (endpoint.method()) {
            case "PUT" -> client.put(endpoint.path(), body);
            default -> client.post(endpoint.path(), body);
        };
    }

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    /** JSON objects with the contract's field names and random values, and now and then no JSON at all. */
    static Arbitrary<String> bodies() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().alpha().ofLength(5000).map(s -> (Object) s),
                Arbitraries.of("2030-02-01", "2020-01-01", "2030-02-30", "CITY", "APPROVE", "RETURN", "COORDINATOR",
                        "shenyang", "invite-buyers", "-1", "1e400", "NaN").map(s -> (Object) s));
        Arbitrary<Object> nested = Arbitraries.oneOf(
                scalars.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of("buyersInvited", "buyersInvted", "invitationList", "x"), scalars)
                        .ofMaxSize(3).map(m -> (Object) m));
        Arbitrary<Map<String, Object>> objects = Arbitraries.maps(
                Arbitraries.oneOf(Arbitraries.of(FIELD_NAMES), Arbitraries.strings().alpha().ofMaxLength(8)),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalars), net.jqwik.api.Tuple.of(1, nested)))
                .ofMaxSize(8);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, objects.map(RandomInputTest::json)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "{", "[]", "null", "\"text\"", "{\"percent\": }", "{}}")));
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
