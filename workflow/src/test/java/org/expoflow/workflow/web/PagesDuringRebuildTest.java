package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A leader opening the board while the read models are rebuilt sees the board as ever, from the live model. */
@ExpoFlowTest
class PagesDuringRebuildTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theBoardPageAnswersFromTheLiveModelWhileARebuildIsUnderWay() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        String form = "username=leader&password=demo" + (csrf.find()
                ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page(browser, base + "/board?lang=en").statusCode()).as("signed in").isEqualTo(200);

        if (jdbc.update("update read_model_state set rebuilding = true, position = 41, head = 99 where processing_group = 'read-models'") == 0) {
            jdbc.update("insert into read_model_state (processing_group, rebuilding, position, head) values ('read-models', true, 41, 99)");
        }
        try {
            HttpResponse<String> board = page(browser, base + "/board?lang=en");
            assertThat(board.statusCode()).isEqualTo(200);
            assertThat(board.headers().firstValue("Retry-After")).isEmpty();
            assertThat(board.body()).doesNotContain("being rebuilt").doesNotContain("another role");
        } finally {
            jdbc.update("update read_model_state set rebuilding = false, position = head where processing_group = 'read-models'");
        }
        assertThat(page(browser, base + "/board?lang=en").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> page(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
