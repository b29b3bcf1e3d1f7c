package org.expoflow.workflow.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user signed in to the pages through the sign-in form, as a browser without JavaScript would be. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private PageSession(String base) {
        this.base = base;
    }

    public static PageSession signedIn(String base, String user) throws IOException, InterruptedException {
        return signedIn(base, user, "demo");
    }

    /** Signed in on the sign-in page as {@code user} with {@code password}. */
    public static PageSession signedIn(String base, String user, String password) throws IOException, InterruptedException {
        PageSession session = new PageSession(base);
        String form = session.get("/login");
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        session.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return session;
    }

    /**
     * Submits a form of the page at {@code from} (its CSRF token with it) with these fields (name, value, ...);
     * the HTML the browser lands on.
     */
    public String post(String from, String action, String... fields) throws IOException, InterruptedException {
        return http.send(formSubmission(from, action, fields), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    /** A file the page links to: its bytes, or nothing when the answer is not a 200. */
    public byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return answer.statusCode() == 200 ? answer.body() : new byte[0];
    }

    /** The status a page answers with, redirects followed. */
    public int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN").GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Submits a form as {@link #post} does; the status of the page it lands on. */
    public int postStatus(String from, String action, String... fields) throws IOException, InterruptedException {
        return http.send(formSubmission(from, action, fields), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest formSubmission(String from, String action, String... fields) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(get(from));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + from);
        }
        StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }

    /** The page's HTML, in Chinese, asked as a browser asks it (an error comes as the error page, not as JSON). */
    public String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }
}
