package org.expoflow.workflow.faults;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;


import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.expoflow.workflow.http.DatabaseOutage;

import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionSystemException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The database goes away while clerks work: their requests fail at once with 503 and change nothing;
 * when it is back the same requests succeed, and engine, events and task list still agree. Pages say in the reader's
 * language that the system is briefly unavailable and nothing was changed, and the sign-in page still renders.
 * (The outage is simulated at the connection pool's door; CrashAndRestartIT cuts a real PostgreSQL's connections.)
 */
@ExpoFlowTest
class DatabaseOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void databaseBack() {
        ((OutageSwitch) dataSource).databaseUp();
    }

    @Test
    void requestsFailFastWith503DuringAnOutageAndSucceedAfterwardsWithNothingLost() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);
        long before = new EventStoreProbe(jdbc).count();

        ((OutageSwitch) dataSource).databaseDown();
        ExpoFlowClient.Answer claim = shenyang.post("/api/tasks/{t}/claim", null, taskId);
        ExpoFlowClient.Answer progress = shenyang.post("/api/tasks/{t}/progress", map("percent", 30), taskId);
        ((OutageSwitch) dataSource).databaseUp();

        assertThat(claim.status().value()).isEqualTo(503);
        assertThat(progress.status().value()).isEqualTo(503);
        assertThat(progress.field("detail")).contains("没有做任何更改");
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(before);

        assertThat(shenyang.post("/api/tasks/{t}/claim", null, taskId).status().value()).isEqualTo(204);
        assertThat(shenyang.post("/api/tasks/{t}/progress", map("percent", 30), taskId).status().value()).isEqualTo(204);
        assertThat(new EventStoreProbe(jdbc).eventTypes(taskId)).containsExactly("TaskAssigned", "TaskClaimed", "ProgressReported");
        JsonNode consistency = ExpoFlowClient.as("http://localhost:" + port, "admin").get("/api/admin/consistency").body();
        assertThat(consistency.path("differences")).isEmpty();
    }

    @Test
    void aKeyedWriteDuringAnOutageIs503InTheReadersLanguageAndItsRetryRunsAtOnceAfterwards() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "dalian"), "dalian");
        String taskId = OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "dalian"), directiveId);
        ExpoFlowClient clerk = ExpoFlowClient.as("http://localhost:" + port, "dalian").withHeader("Idempotency-Key", "outage-" + taskId);

        ((OutageSwitch) dataSource).databaseDown();
        ExpoFlowClient.Answer chinese;
        ExpoFlowClient.Answer english;
        try {
            chinese = clerk.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 10)), taskId);
            english = clerk.withHeader("Accept-Language", "en").post("/api/tasks/{t}/complete",
                    map("figures", map("buyersInvited", 10)), taskId);
        } finally {
            ((OutageSwitch) dataSource).databaseUp();
        }

        assertThat(chinese.status().value()).isEqualTo(503);
        assertThat(chinese.field("detail")).contains("数据库暂时无法访问").contains("没有做任何更改");
        assertThat(english.status().value()).isEqualTo(503);
        assertThat(english.field("detail")).contains("nothing was changed");
        ExpoFlowClient.Answer retry = clerk.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 10)), taskId);
        assertThat(retry.status().value()).as("run at once, no key left waiting: " + retry.body()).isEqualTo(204);
        assertThat(new EventStoreProbe(jdbc).eventTypes(taskId)).containsOnlyOnce("TaskCompleted");
    }

    @Test
    void pagesDuringAnOutageSayInChineseTheSystemIsBrieflyUnavailableAndTheSignInStillRenders() throws Exception {
        String base = "http://localhost:" + port;
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        signIn(browser, base, "shenyang");
        assertThat(page(browser, base + "/tasks").statusCode()).as("signed in").isEqualTo(200);

        ((OutageSwitch) dataSource).databaseDown();
        HttpResponse<String> tasks;
        HttpResponse<String> signInPage;
        try {
            tasks = page(browser, base + "/tasks");
            signInPage = page(HttpClient.newHttpClient(), base + "/login");
        } finally {
            ((OutageSwitch) dataSource).databaseUp();
        }

        assertThat(tasks.statusCode()).isEqualTo(503);
        assertThat(tasks.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(tasks.body()).contains("系统暂时无法使用").contains("没有保存任何更改")
                .doesNotContain("此页面不属于您的角色");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.body()).contains("name=\"_csrf\"").contains("name=\"password\"");

        assertThat(page(browser, base + "/tasks").statusCode()).as("the same session once it is back").isEqualTo(200);
        HttpClient another = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        signIn(another, base, "dalian");
        assertThat(page(another, base + "/tasks").statusCode()).as("a sign-in once it is back").isEqualTo(200);
    }

    @Test
    void aConnectionLostAtCommitOrRollbackIsAnOutageNotAnUnexpectedError() {
        SQLException cut = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseOutage.isCause(new TransactionSystemException("JDBC rollback failed", cut))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException("the engine's command failed",
                new IllegalStateException(cut)))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("ENGINE-03051 There was an exception while invoking the TaskListener",
                new SQLException("Connection is closed")))).as("a connection the pool evicted under the engine").isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key value violates unique constraint", "23505")))
                .isFalse();
    }

    private static void signIn(HttpClient browser, String base, String user) throws Exception {
        String login = page(browser, base + "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> page(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "zh-CN")
                        .header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
