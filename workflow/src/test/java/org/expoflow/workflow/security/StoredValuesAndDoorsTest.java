package org.expoflow.workflow.security;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * The trust review's third pass, as a user or an attacker meets it: every instant and period a request carries
 * is in range or refused naming it, and a bad stored value breaks no leadership view; no path, upload or engine
 * failure answers 500 or tells its exception; a city's board holds its own directives only; an upload is
 * bounded on every door; a redirect never goes to the host a client made up.
 */
@ExpoFlowTest
class StoredValuesAndDoorsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as(base(), user);
    }

    private record Reply(int status, String body) {
    }

    private Reply send(String method, String path, String user, String contentType, byte[] body) {
        return TestClients.rest(base()).method(org.springframework.http.HttpMethod.valueOf(method)).uri(java.net.URI.create(base() + path))
                .headers(headers -> {
                    headers.setBasicAuth(user, "demo");
                    if (contentType != null) {
                        headers.set("Content-Type", contentType);
                    }
                })
                .body(body == null ? new byte[0] : body)
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void aReportingCadenceOfABillionYearsIsRefusedNamingItAndNothingIsWritten() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "benxi");
        ExpoFlowClient.Answer refused = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite", "dueOn", "2030-02-01", "unitIds", List.of("benxi"), "reportEvery", "P999999999Y"));
        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.field("field")).isEqualTo("reportEvery");
        assertThat(refused.field("detail")).contains("P999999999Y");
        assertThat(as("leader").get("/api/expos/{e}/board", expoId).body().path("directives")).isEmpty();
        assertThat(as("leader").get("/api/expos/{e}/statistics", expoId).status().value()).isEqualTo(200);
    }

    @Test
    void aCadenceStoredOutOfRangeBreaksNoLeadershipView() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "benxi");
        String title = "Weekly " + UUID.randomUUID().toString().substring(0, 8);
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", title, "dueOn", "2030-02-01", "unitIds", List.of("benxi"), "reportEvery", "P7D")).field("id");
        // as an earlier version stored it, before cadences were bounded
        jdbc.update("update directive_view set report_every = 'P999999999Y' where directive_id = ?", directiveId);

        assertThat(as("leader").get("/api/expos/{e}/board", expoId).status().value()).isEqualTo(200);
        assertThat(as("leader").get("/api/expos/{e}/board", expoId).body().path("directives").get(0).path("title").asText())
                .isEqualTo(title);
        assertThat(as("leader").get("/api/expos/{e}/statistics", expoId).status().value()).isEqualTo(200);
        assertThat(PageSession.signedIn(base(), "leader").get("/board?expoId=" + expoId)).contains(title);
        assertThat(PageSession.signedIn(base(), "coordinator").get("/console?expoId=" + expoId)).contains(title);
    }

    @Test
    void anAsOfBeyondThePlanningWindowIsRefusedNamingItOnEveryView() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "benxi");
        for (String view : List.of("board", "figures", "statistics", "overdue", "due-soon", "trend")) {
            for (String asOf : List.of("+999999999-12-31T23:59:59Z", "1970-01-01T00:00:00Z")) {
                ExpoFlowClient.Answer refused = as("leader").get("/api/expos/{e}/" + view + "?asOf={a}", expoId, asOf);
                assertThat(refused.status().value()).as(view + " " + asOf).isEqualTo(400);
                assertThat(refused.field("field")).as(view).isEqualTo("asOf");
            }
        }
        assertThat(as("shenyang").get("/api/expos/{e}/board?asOf={a}", expoId, "+999999999-12-31T23:59:59Z").field("field"))
                .isEqualTo("asOf");
    }

    @Test
    void anEmptyPathSegmentIsRefusedNotAFailure() {
        for (String path : List.of("//engine-rest/task", "/engine-rest//task", "//api/tasks")) {
            Reply answer = send("GET", path, "admin", null, null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body()).contains("\"field\":\"path\"");
        }
    }

    @Test
    void aModelThatIsNotXmlIsRefusedOnTheEnginesDoorWithoutTheParsersText() {
        long deployments = jdbc.queryForObject("select count(*) from act_re_deployment", Long.class);
        for (String door : List.of("/engine-rest/deployment/create", "/engine-rest/engine/default/deployment/create")) {
            Multipart upload = new Multipart().field("deployment-name", "broken").file("data", "broken.bpmn", "<definitions");
            Reply refused = send("POST", door, "admin", upload.contentType(), upload.bytes());
            assertThat(refused.status()).as(door + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("ENGINE-").doesNotContain("SAX");
        }
        assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Long.class)).isEqualTo(deployments);
    }

    @Test
    void twoThousandPartsOrFiftyMegabytesAreRefusedOnEveryUploadDoorAndNothingIsDeployed() {
        long deployments = jdbc.queryForObject("select count(*) from act_re_deployment", Long.class);
        Multipart manyParts = new Multipart();
        for (int part = 0; part < 2000; part++) {
            manyParts.file("data" + part, "kind" + part + ".bpmn", "<definitions/>");
        }
        Multipart large = new Multipart().field("deployment-name", "large")
                .file("data", "large.bpmn", "<definitions>" + " ".repeat(11 * 1024 * 1024) + "</definitions>");
        for (String door : List.of("/engine-rest/deployment/create", "/engine-rest/engine/default/deployment/create",
                "/api/directive-kinds")) {
            for (Multipart upload : List.of(manyParts, large)) {
                Reply refused = send("POST", door, "admin", upload.contentType(), upload.bytes());
                assertThat(refused.status()).as(door + " " + refused.body()).isEqualTo(413);
                assertThat(refused.body()).contains("\"field\":\"file\"").doesNotContain("Exception");
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Long.class)).isEqualTo(deployments);
    }

    @Test
    void aCitysBoardHoldsOnlyTheDirectivesIssuedToItsUnit() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        String secret = "Only Shenyang " + UUID.randomUUID().toString().substring(0, 8);
        String theirs = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", secret,
                "dueOn", "2030-02-01", "unitIds", List.of("shenyang"), "targets", map("buyersInvited", 7))).field("id");
        String ours = OsakaFixture.inviteBuyers(coordinator, expoId, "dalian", "shenyang");

        for (String query : List.of("", "?size=1", "?page=0&size=20")) {
            ExpoFlowClient.Answer board = as("dalian").get("/api/expos/{e}/board" + query, expoId);
            assertThat(board.status().value()).isEqualTo(200);
            assertThat(board.body().toString()).as(query).doesNotContain(secret).doesNotContain(theirs).contains(ours);
        }
        assertThat(as("dalian").get("/api/expos/{e}/board?size=1", expoId).body().path("page").path("total").asInt())
                .as("counted among its own").isEqualTo(1);
        assertThat(as("dalian").get("/api/expos/{e}/figures", expoId).body().toString()).doesNotContain(secret)
                .doesNotContain(theirs).doesNotContain("shenyang");
        assertThat(as("dalian").get("/api/expos/{e}/statistics", expoId).status().value()).isEqualTo(403);
        assertThat(PageSession.signedIn(base(), "dalian").get("/board?expoId=" + expoId)).doesNotContain(secret);
        assertThat(as("shenyang").get("/api/expos/{e}/board", expoId).body().toString()).contains(secret).contains(ours);
    }

    @Test
    void aRedirectNeverGoesToTheHostAClientMadeUp() throws IOException {
        String answer = rawGet("/", "evil.example", "");
        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(location(answer)).doesNotContain("evil.example").isEqualTo("/login");
        // behind the compose file's nginx: the browser's address, port and all, is where it goes back to
        String behindNginx = rawGet("/", "localhost:8080", "X-Forwarded-Proto: http\r\nX-Forwarded-For: 203.0.113.9\r\n");
        assertThat(java.net.URI.create("http://localhost:8080/").resolve(location(behindNginx)).toString())
                .isEqualTo("http://localhost:8080/login");
    }

    private String rawGet(String path, String host, String moreHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + moreHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String location(String answer) {
        return answer.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("location:"))
                .map(line -> line.substring("location:".length()).strip()).findFirst().orElse("");
    }

    /** A multipart/form-data body, built by hand so that nothing limits it on the way out. */
    static final class Multipart {
        private final String boundary = "----expoflow" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
