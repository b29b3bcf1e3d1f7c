package org.expoflow.workflow.http;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.expoflow.workflow.scenario.EventStoreProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** A coordinator's retried "plan expo" (a double click, a lost answer) plans one expo, not two. */
@ExpoFlowTest
class IdempotencyTest {

    private static final String OSAKA = "{\"name\":\"Osaka\",\"venue\":\"Osaka\",\"opensOn\":\"2030-03-01\",\"closesOn\":\"2030-03-04\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    record Answer(int status, String body, String replayed) {
    }

    private Answer planExpo(String key, String body) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).post().uri("/api/expos")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder().encodeToString("coordinator:demo".getBytes()))
                .contentType(MediaType.APPLICATION_JSON).body(body);
        if (key != null) {
            request.header(IdempotentRequests.HEADER, key);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes()), response.getHeaders().getFirst("Idempotent-Replayed")));
    }

    private long expoEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%ExpoPlanned'", Long.class);
    }

    @Test
    void aRetriedRequestWithTheSameKeyHasItsEffectOnce() {
        long before = expoEvents();
        Answer first = planExpo("plan-osaka-1", OSAKA);
        Answer retry = planExpo("plan-osaka-1", OSAKA);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(expoEvents()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        planExpo("plan-osaka-2", OSAKA);
        long before = new EventStoreProbe(jdbc).count();

        Answer other = planExpo("plan-osaka-2", OSAKA.replace("Osaka", "Kobe"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body()).contains("Idempotency-Key");
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(before);
    }

    @Test
    void withoutAKeyEachRequestCounts() {
        long before = expoEvents();
        assertThat(planExpo(null, OSAKA).status()).isEqualTo(201);
        assertThat(planExpo(null, OSAKA).status()).isEqualTo(201);
        assertThat(expoEvents()).isEqualTo(before + 2);
        assertThat(planExpo("x".repeat(201), OSAKA).status()).isEqualTo(400);
    }

    @Test
    void aKeyLeftInProgressByADeadProcessIsReleasedAfterAWhile() {
        String sameRequest = IdempotentRequests.fingerprint("POST", "/api/expos", null, OSAKA.getBytes());
        jdbc.update("insert into idempotent_request (username, idempotency_key, request_fingerprint, created_at)"
                + " values ('coordinator', 'plan-osaka-3', ?, ?)", sameRequest,
                java.time.OffsetDateTime.now().minus(IdempotentRequests.IN_FLIGHT_LIMIT).minusSeconds(1));
        jdbc.update("insert into idempotent_request (username, idempotency_key, request_fingerprint, created_at)"
                + " values ('coordinator', 'plan-osaka-4', ?, ?)", sameRequest, java.time.OffsetDateTime.now());

        assertThat(planExpo("plan-osaka-3", OSAKA).status()).as("released after the limit").isEqualTo(201);
        Answer stillRunning = planExpo("plan-osaka-4", OSAKA);
        assertThat(stillRunning.status()).isEqualTo(409);
        assertThat(stillRunning.body()).contains("still being processed");
    }
}
