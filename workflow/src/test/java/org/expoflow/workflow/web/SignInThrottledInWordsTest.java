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
import org.springframework.boot.test.web.server.LocalServerPort;

/** A clerk who mistyped the password too often is told in Chinese to wait, and for how long; the answer stays 429. */
@ExpoFlowTest
class SignInThrottledInWordsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aThrottledSignInSaysInChineseHowLongToWait() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> answer = null;
        for (int attempt = 0; attempt < 8 && (answer == null || answer.statusCode() != 429); attempt++) {
            Matcher csrf = CSRF.matcher(browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(csrf.find()).isTrue();
            answer = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString("username=clerk-who-forgot&password=wrong&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        assertThat(answer.statusCode()).isEqualTo(429);
        String seconds = answer.headers().firstValue("Retry-After").orElseThrow();
        assertThat(answer.body()).contains("登录失败次数过多").contains("请 " + seconds + " 秒后再试")
                .doesNotContain("too many failed sign-ins");
    }
}
