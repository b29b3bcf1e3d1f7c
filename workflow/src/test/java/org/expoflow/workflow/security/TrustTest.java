package org.expoflow.workflow.security;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The trust review's findings, each as a user or an attacker would meet it: guessing is throttled and a
 * disabled account signs in no more; input out of range or holding control characters is refused naming
 * the field, with nothing written; the office's endpoints answer a city 403 whatever the body; pages and
 * downloads carry their security headers; an upload is what it declares.
 */
@ExpoFlowTest
class TrustTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    SignInThrottle throttle;

    private String base() {
        return "http://localhost:" + port;
    }

    private record Reply(int status, HttpHeaders headers, String body) {
    }

    private Reply getAs(String path, String user, String password) {
        return TestClients.rest(base()).get().uri(path).headers(headers -> headers.setBasicAuth(user, password))
                .exchange((request, response) -> new Reply(response.getStatusCode().value(), response.getHeaders(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private String newCityClerk() {
        String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        ExpoFlowClient.Answer added = ExpoFlowClient.newUser(base(),
                map("username", username, "password", "Right-horse-battery", "role", "CITY", "unitId", "anshan"));
        assertThat(added.status().value()).as(added.body().toString()).isEqualTo(201);
        return username;
    }

    @Test
    void guessingAPasswordIsThrottledAndALockedNameLooksLikeAnUnknownOne() {
        String clerk = newCityClerk();
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(getAs("/api/tasks", clerk, "guess-" + attempt).status()).isEqualTo(401);
            assertThat(getAs("/api/tasks", nobody, "guess-" + attempt).status()).isEqualTo(401);
        }
        Reply sixth = getAs("/api/tasks", clerk, "guess-6");
        Reply unknownSixth = getAs("/api/tasks", nobody, "guess-6");
        assertThat(sixth.status()).isEqualTo(401);
        assertThat(unknownSixth.status()).isEqualTo(401);

        Reply locked = getAs("/api/tasks", clerk, "Right-horse-battery");
        Reply lockedUnknown = getAs("/api/tasks", nobody, "Right-horse-battery");
        assertThat(locked.status()).as("locked: even the right password waits").isEqualTo(429);
        assertThat(locked.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
        assertThat(lockedUnknown.status()).isEqualTo(locked.status());
        assertThat(lockedUnknown.headers().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo(locked.headers().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(lockedUnknown.body()).isEqualTo(locked.body());

        // each further failure doubles the wait
        awaitLockOver(clerk, locked);
        assertThat(getAs("/api/tasks", clerk, "guess-7").status()).isEqualTo(401);
        Reply longer = getAs("/api/tasks", clerk, "Right-horse-battery");
        assertThat(longer.status()).isEqualTo(429);
        assertThat(Long.parseLong(longer.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                .isGreaterThan(Long.parseLong(locked.headers().getFirst(HttpHeaders.RETRY_AFTER)));

        awaitLockOver(clerk, longer);
        assertThat(getAs("/api/tasks", clerk, "Right-horse-battery").status()).as("the lockout is over").isEqualTo(200);
    }

    /** Waits, asking the throttle without signing in, until the name's lock the answer announced is over. */
    private void awaitLockOver(String username, Reply locked) {
        long retryAfter = Long.parseLong(locked.headers().getFirst(HttpHeaders.RETRY_AFTER));
        await("the lock on " + username).atMost(Duration.ofSeconds(retryAfter + 5)).pollInterval(Duration.ofMillis(100))
                .until(() -> throttle.lockedFor(username, "an address that never failed").isEmpty());
    }

    @Test
    void theSignInFormIsThrottledToo() {
        String clerk = newCityClerk();
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(signInThroughTheForm(clerk, "guess-" + attempt)).isEqualTo(302);
        }
        assertThat(signInThroughTheForm(clerk, "Right-horse-battery")).isEqualTo(429);
    }

    private int signInThroughTheForm(String user, String password) {
        String[] session = new String[1];
        String page = TestClients.rest(base()).get().uri("/login").exchange((request, response) -> {
            session[0] = response.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        });
        String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        return TestClients.rest(base()).post().uri("/login").header(HttpHeaders.COOKIE, session[0])
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + user + "&password=" + password + "&_csrf=" + csrf)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    @Test
    void aDisabledAccountSignsInNoMoreEvenWithRememberedCredentials() {
        String clerk = newCityClerk();
        assertThat(getAs("/api/tasks", clerk, "Right-horse-battery").status()).isEqualTo(200);
        ExpoFlowClient admin = ExpoFlowClient.as(base(), "security");
        assertThat(admin.put("/api/admin/users/{u}/enabled", map("enabled", false), clerk).status().value()).isEqualTo(204);

        Reply disabled = getAs("/api/tasks", clerk, "Right-horse-battery");
        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.body()).as("said like a wrong password").isEqualTo(getAs("/api/tasks", clerk, "wrong").body());

        assertThat(admin.put("/api/admin/users/{u}/enabled", map("enabled", true), clerk).status().value()).isEqualTo(204);
        assertThat(getAs("/api/tasks", clerk, "Right-horse-battery").status()).isEqualTo(200);
    }

    @Test
    void aCoordinatorHasNoEngineAdminPowersWhateverTheEngineNameInThePath() {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as(base(), "shenyang"), directiveId);
        String instanceId = coordinator.get("/engine-rest/task/{t}", taskId).body().path("processInstanceId").asText();
        for (String prefix : new String[] {"/engine-rest", "/engine-rest/engine/default"}) {
            assertThat(coordinator.post(prefix + "/user/create", map("profile", map("id", "mallory"),
                    "credentials", map("password", "mallory-123"))).status().value()).isEqualTo(403);
            assertThat(coordinator.post(prefix + "/authorization/create", map("type", 1, "userId", "coordinator",
                    "resourceType", 0, "resourceId", "*", "permissions", List.of("ALL"))).status().value()).isEqualTo(403);
            assertThat(coordinator.put(prefix + "/task/{t}/localVariables/x", map("value", "y", "type", "String"), taskId)
                    .status().value()).isEqualTo(403);
            int deleted = TestClients.rest(base()).delete().uri(prefix + "/process-instance/{p}?skipCustomListeners=true", instanceId)
                    .headers(headers -> headers.setBasicAuth("coordinator", "demo"))
                    .exchange((request, response) -> response.getStatusCode().value());
            assertThat(deleted).isEqualTo(403);
        }
        assertThat(coordinator.get("/engine-rest/process-instance/{p}", instanceId).status().value())
                .as("the instance is still there").isEqualTo(200);
        assertThat(getAs("/engine-rest;x=y/task", "coordinator", "demo").status()).as("a path parameter").isEqualTo(400);
    }

    @Test
    void figuresOutsideWhatIsStoredAreRefusedNamingTheFigureAndNothingIsWritten() {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator");
        ExpoFlowClient shenyang = ExpoFlowClient.as(base(), "shenyang");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);
        int historyBefore = shenyang.get("/api/tasks/{t}", taskId).body().path("history").size();
        for (String figure : new String[] {"1e999999999", "1e400", "10000000000000000", "0.5"}) {
            ExpoFlowClient.Answer refused = shenyang.post("/api/tasks/{t}/progress",
                    "{\"percent\":10,\"figures\":{\"buyersInvited\":" + figure + "}}", taskId);
            assertThat(refused.status().value()).as(figure).isEqualTo(400);
            assertThat(refused.field("field")).as(figure).isEqualTo("figures.buyersInvited");
        }
        assertThat(shenyang.get("/api/tasks/{t}", taskId).body().path("history").size()).isEqualTo(historyBefore);
    }

    @Test
    void datesOutsideTwoThousandToTwentyOneHundredAreRefusedNamingTheField() {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        int directivesBefore = coordinator.get("/api/tasks?unitId=shenyang&size=200").body().path("total").asInt();

        ExpoFlowClient.Answer farDirective = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite", "dueOn", "+999999999-12-31", "unitIds", List.of("shenyang")));
        assertThat(farDirective.status().value()).isEqualTo(400);
        assertThat(farDirective.field("field")).isEqualTo("dueOn");
        assertThat(coordinator.get("/api/tasks?unitId=shenyang&size=200").body().path("total").asInt()).isEqualTo(directivesBefore);

        String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as(base(), "shenyang"),
                OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang"));
        ExpoFlowClient.Answer farExtension = coordinator.post("/api/tasks/{t}/extend",
                map("dueOn", "+999999999-12-31", "reason", "probe"), taskId);
        assertThat(farExtension.status().value()).isEqualTo(400);
        assertThat(farExtension.field("field")).isEqualTo("dueOn");

        ExpoFlowClient leader = ExpoFlowClient.as(base(), "leader");
        for (String heldAt : new String[] {"0001-01-01T00:00:00Z", "2101-01-01T00:00:00Z"}) {
            ExpoFlowClient.Answer meeting = leader.post("/api/meetings", map("expoId", expoId, "title", "Probe", "heldAt", heldAt));
            assertThat(meeting.status().value()).as(heldAt).isEqualTo(400);
            assertThat(meeting.field("field")).as(heldAt).isEqualTo("heldAt");
        }
        ExpoFlowClient.Answer oldExpo = coordinator.post("/api/expos", map("name", "Osaka", "opensOn", "1999-03-01",
                "closesOn", "2030-03-04"));
        assertThat(oldExpo.field("field")).isEqualTo("opensOn");
    }

    @Test
    void controlCharactersAndBidiOverridesAreRefusedInTextNamingTheField() {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator");
        int exposBefore = coordinator.get("/api/expos").body().size();
        for (String name : new String[] {"Osaka\u0000", "Osaka\u0007", "\u202Eakaso"}) {
            ExpoFlowClient.Answer refused = coordinator.post("/api/expos", map("name", name, "venue", "Osaka",
                    "opensOn", "2030-03-01", "closesOn", "2030-03-04"));
            assertThat(refused.status().value()).as(name).isEqualTo(400);
            assertThat(refused.field("field")).isEqualTo("name");
            assertThat(refused.field("detail")).contains("control character");
        }
        assertThat(coordinator.get("/api/expos").body().size()).isEqualTo(exposBefore);

        ExpoFlowClient shenyang = ExpoFlowClient.as(base(), "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang,
                OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang"));
        assertThat(shenyang.post("/api/tasks/{t}/progress", map("percent", 10, "note", "two lines\nand a tab\t"), taskId)
                .status().value()).as("line breaks and tabs are text").isEqualTo(204);
        assertThat(shenyang.post("/api/tasks/{t}/progress", map("percent", 10, "note", "done\u001b[2J"), taskId)
                .field("field")).isEqualTo("note");
    }

    @Test
    void theOfficesEndpointsAnswerACity403WhateverTheBody() {
        ExpoFlowClient shenyang = ExpoFlowClient.as(base(), "shenyang");
        for (String path : new String[] {"/api/directives", "/api/expos", "/api/expos/x/units", "/api/directives/x/withdraw",
                "/api/tasks/x/extend", "/api/tasks/x/reassign", "/api/tasks/x/cooperating-units", "/api/meetings",
                "/api/admin/units", "/api/admin/users"}) {
            ExpoFlowClient.Answer answer = shenyang.post(path, "{}");
            assertThat(answer.status().value()).as(path + " " + answer.body()).isEqualTo(403);
            assertThat(answer.body().toString()).as(path).doesNotContain("must not");
        }
    }

    @Test
    void pagesForbidForeignScriptAndTheSessionCookieStaysOnSite() {
        HttpHeaders headers = TestClients.rest(base()).get().uri("/login")
                .exchange((request, response) -> response.getHeaders());
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(headers.getFirst(HttpHeaders.SET_COOKIE)).contains("SameSite=Lax").contains("HttpOnly");
    }

    @Test
    void anUploadMustBeWhatItDeclaresAndADownloadRunsNoScript() {
        ExpoFlowClient coordinator = ExpoFlowClient.as(base(), "coordinator");
        String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as(base(), "shenyang"),
                OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang"));
        byte[] page = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(attach(taskId, page).status()).as("HTML declared as a PNG").isEqualTo(415);
        Reply attached = attach(taskId, PNG);
        assertThat(attached.status()).isEqualTo(201);
        String location = attached.headers().getLocation().getPath();
        Reply download = getAs(location, "shenyang", "demo");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        JsonNode listed = ExpoFlowClient.as(base(), "shenyang").get("/api/tasks/{t}/attachments", taskId).body();
        assertThat(listed).hasSize(1);
    }

    private Reply attach(String taskId, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "booth.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        return TestClients.rest(base()).post().uri("/api/tasks/{t}/attachments", taskId)
                .headers(headers -> headers.setBasicAuth("shenyang", "demo"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
                .exchange((request, response) -> new Reply(response.getStatusCode().value(), response.getHeaders(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
