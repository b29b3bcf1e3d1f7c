package org.expoflow.workflow.http;

import org.expoflow.workflow.TestClients;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * A retried write (a double click, a lost answer, a fault) has its effect once: a coordinator's "plan expo" plans one
 * expo, a clerk's completion completes once and its retry is told 204 again; the key's answer and the effect commit
 * together, so a retry after a failure runs at once.
 */
@ExpoFlowTest
class IdempotencyTest {

    private static final String COMPLETION = "{\"figures\":{\"buyersInvited\":10}}";
    private static final String OSAKA = "{\"name\":\"Osaka\",\"venue\":\"Osaka\",\"opensOn\":\"2030-03-01\",\"closesOn\":\"2030-03-04\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    record Answer(int status, String body, String replayed) {
    }

    private Answer planExpo(String key, String body) {
        return send("coordinator", "/api/expos", key, body);
    }

    private Answer send(String user, String path, String key, String body) {
        RestClient.RequestBodySpec request = TestClients.rest("http://localhost:" + port).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .contentType(MediaType.APPLICATION_JSON).body(body);
        if (key != null) {
            request.header(IdempotentRequests.HEADER, key);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                response.getHeaders().getFirst("Idempotent-Replayed")));
    }

    private String shenyangsStep() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");
        return OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "shenyang"), directiveId);
    }

    private List<String> stepEvents(String taskId) {
        return new EventStoreProbe(jdbc).eventTypes(taskId);
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
    void aCompletionRetriedAfterItsAnswerWasLostGetsTheFirstAnswerNotAConflict() {
        String taskId = shenyangsStep();

        Answer first = send("shenyang", "/api/tasks/" + taskId + "/complete", "complete-" + taskId, COMPLETION);
        Answer retry = send("shenyang", "/api/tasks/" + taskId + "/complete", "complete-" + taskId, COMPLETION);

        assertThat(first.status()).isEqualTo(204);
        assertThat(retry.status()).as(retry.body()).isEqualTo(204);
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(stepEvents(taskId)).containsOnlyOnce("TaskCompleted");
    }

    @Test
    void theKeysAnswerCommitsWithItsEffectOrNeitherStays() {
        String taskId = shenyangsStep();
        List<String> before = stepEvents(taskId);
        // the answer of a completion (204) cannot be kept: the key's record fails after the step's work is done
        jdbc.execute("alter table idempotent_request add constraint answer_not_kept"
                + " check (idempotency_key <> 'complete-all-or-none' or status is null)");
        Answer failed;
        try {
            failed = send("shenyang", "/api/tasks/" + taskId + "/complete", "complete-all-or-none", COMPLETION);
        } finally {
            jdbc.execute("alter table idempotent_request drop constraint answer_not_kept");
        }

        assertThat(failed.status()).isGreaterThanOrEqualTo(500);
        assertThat(stepEvents(taskId)).as("the completion rolled back with its key").isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from idempotent_request where idempotency_key = 'complete-all-or-none'",
                Integer.class)).isZero();

        Answer retry = send("shenyang", "/api/tasks/" + taskId + "/complete", "complete-all-or-none", COMPLETION);
        assertThat(retry.status()).as("the retry runs at once: " + retry.body()).isEqualTo(204);
        assertThat(retry.replayed()).isNull();
        assertThat(stepEvents(taskId)).containsOnlyOnce("TaskCompleted");
    }

    @Test
    void aKeyLeftUnansweredByAnEarlierVersionRunsAtOnce() {
        String sameRequest = IdempotentRequests.fingerprint("POST", "/api/expos", null, OSAKA.getBytes());
        jdbc.update("insert into idempotent_request (username, idempotency_key, request_fingerprint, created_at)"
                + " values ('coordinator', 'plan-osaka-3', ?, ?)", sameRequest, java.time.OffsetDateTime.now());
        long before = expoEvents();

        Answer retry = planExpo("plan-osaka-3", OSAKA);

        assertThat(retry.status()).as("no lease waited out").isEqualTo(201);
        assertThat(expoEvents()).isEqualTo(before + 1);
        assertThat(planExpo("plan-osaka-3", OSAKA).replayed()).isEqualTo("true");
    }

    @Test
    void aKeysRefusalsAreInTheReadersLanguage() {
        planExpo("plan-osaka-5", OSAKA);
        Answer chinese = planExpo("plan-osaka-5", OSAKA.replace("Osaka", "Kobe"));
        assertThat(chinese.body()).contains("此 Idempotency-Key 已用于另一个请求");
        Answer tooLong = planExpo("y".repeat(201), OSAKA);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("1 到 200 个字符");
    }

    @Test
    void aRefusedCompletionIsToldWhyWithItsKeyAndItsRetryIsToldTheSame() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = coordinator.post("/api/directives", java.util.Map.of("expoId",
                OsakaFixture.osakaWith(coordinator, "shenyang"), "kind", "organise-enterprises", "title", "Enterprises",
                "dueOn", "2030-02-01", "unitIds", List.of("shenyang"))).field("id");
        String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "shenyang"), directiveId);
        List<String> before = stepEvents(taskId);

        // the step asks for the number of exhibiting enterprises: the engine refuses inside the request's transaction
        Answer refused = send("shenyang", "/api/tasks/" + taskId + "/complete", "complete-refused", "{}");
        Answer retry = send("shenyang", "/api/tasks/" + taskId + "/complete", "complete-refused", "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"exhibitingEnterprises\"");
        assertThat(retry.status()).as(retry.body()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(refused.body());
        assertThat(stepEvents(taskId)).as("nothing of the refused work stays").isEqualTo(before);
        Answer corrected = send("shenyang", "/api/tasks/" + taskId + "/complete", "complete-corrected",
                "{\"values\":{\"enterpriseList\":\"Shenyang machinery\"},\"figures\":{\"exhibitingEnterprises\":3}}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(204);
    }
}
