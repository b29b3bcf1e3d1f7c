package org.expoflow.workflow.security.provider;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript: keeps its cookies per host, follows redirects one by one (so a test may stop at
 * one), and fills in the provider's sign-in form when it meets it. Speaks Chinese.
 */
final class ProviderBrowser {

    /** Where the browser came to rest, and what it shows. */
    record Page(URI uri, int status, String body) {

        boolean isProviderSignInForm() {
            return uri.getPath().equals("/login") && body.contains("name=\"password\"") && !uri.getHost().equals("127.0.0.1");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Opens the address and follows where it leads, until a page, or until an address that starts with {@code stopAt}. */
    Page open(String address, String stopAt) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(URI.create(address)).GET(), stopAt);
    }

    Page open(String address) throws IOException, InterruptedException {
        return open(address, null);
    }

    /** Signs in on the provider's form the browser shows, and follows where the provider sends it. */
    Page signInAtProvider(Page form, String username, String password, String stopAt) throws IOException, InterruptedException {
        if (!form.isProviderSignInForm()) {
            throw new IllegalStateException("not the provider's sign-in form: " + form.uri() + " " + form.status());
        }
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the provider's sign-in form");
        }
        String fields = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return follow(HttpRequest.newBuilder(form.uri()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)), stopAt);
    }

    /** Signs in on ExpoFlow's own sign-in form at {@code base}, and follows where it leads. */
    Page signInOnForm(String base, String username, String password) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(open(base + "/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on ExpoFlow's sign-in form");
        }
        String fields = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return follow(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)), null);
    }

    /** Presses the top bar's sign-out button on ExpoFlow's home page at {@code base}, and follows where it leads. */
    Page signOut(String base, String stopAt) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(open(base + "/").body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the signed-in page's sign-out form");
        }
        return follow(HttpRequest.newBuilder(URI.create(base + "/logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf.group(1)))), stopAt);
    }

    private Page follow(HttpRequest.Builder request, String stopAt) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Accept-Language", "zh-CN").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (int hops = 0; hops < 20; hops++) {
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                break;
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (stopAt != null && next.toString().startsWith(stopAt)) {
                return new Page(next, status, "");
            }
            response = http.send(HttpRequest.newBuilder(next).header("Accept-Language", "zh-CN").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        return new Page(response.uri(), response.statusCode(), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
