package org.expoflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The secured baseline of the write-path benchmark is what its tables say it is: the plain engine's REST API
 * refuses a request that does not sign in, and its user does what the benchmark asks of it (start
 * {@code invite-buyers}, find and complete its first step) through its group's grants, and nothing beyond them.
 */
class SecuredBaselineTest {

    private static ConfigurableApplicationContext engine;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheSecuredEngine() {
        engine = PlainCamundaApplication.run("--plain.secured=true", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:secured-baseline;DB_CLOSE_DELAY=-1", "--logging.level.root=WARN");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) engine).getWebServer().getPort() + "/engine-rest";
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aRequestThatDoesNotSignInIsRefused() throws Exception {
        assertThat(WritePathBenchmark.send(HTTP, "GET", base + "/process-definition/key/invite-buyers", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theBenchUserStartsTheKindAndCompletesItsFirstStep() throws Exception {
        String start = "{\"businessKey\":\"d1:shenyang\",\"variables\":{\"expoId\":{\"value\":\"osaka\",\"type\":\"String\"},"
                + "\"directiveId\":{\"value\":\"d1\",\"type\":\"String\"},\"unitId\":{\"value\":\"shenyang\",\"type\":\"String\"},"
                + "\"dueAt\":{\"value\":\"2030-02-01T15:59:59Z\",\"type\":\"String\"}}}";
        HttpResponse<String> started = WritePathBenchmark.send(HTTP, "POST", base + "/process-definition/key/invite-buyers/start",
                "bench", start);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

        JsonNode tasks = WritePathBenchmark.json(WritePathBenchmark.send(HTTP, "GET",
                base + "/task?taskDefinitionKey=draftInvitationList&processInstanceBusinessKey=d1:shenyang", "bench", null));
        assertThat(tasks).hasSize(1);
        HttpResponse<String> completed = WritePathBenchmark.send(HTTP, "POST", base + "/task/" + tasks.get(0).path("id").asText()
                + "/complete", "bench", "{\"variables\":{\"invitationList\":{\"value\":\"Osaka buyers\",\"type\":\"String\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    @Test
    void theBenchUserHasNoGrantBeyondATasklistUsersOwn() throws Exception {
        HttpResponse<String> newUser = WritePathBenchmark.send(HTTP, "POST", base + "/user/create", "bench",
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"demo\"}}");
        assertThat(newUser.statusCode()).as("no user may be created").isEqualTo(403);
    }
}
