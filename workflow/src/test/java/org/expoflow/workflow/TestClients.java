package org.expoflow.workflow;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client the tests call ExpoFlow with: the JDK's, which follows no redirect, so a test sees a 302 to the
 * sign-in page as a browser's first request does. {@code RestClient.create} would pick Apache's client now that it
 * is on the class path (the robots post through it), and that one follows redirects.
 */
public final class TestClients {

    private TestClients() {
    }

    public static RestClient rest(String baseUrl) {
        return builder().baseUrl(baseUrl).build();
    }

    public static RestClient.Builder builder() {
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory());
    }
}
