package org.expoflow.workflow.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;

/**
 * Every door through which a deployment can reach the engine over HTTP, as ADMIN: ExpoFlow's upload, the
 * engine's REST API with and without the engine's name, and the webapps' own engine API (with the webapps'
 * session and CSRF token, as Cockpit sends it).
 */
public enum DeploymentDoors {

    UPLOAD("/api/directive-kinds"),
    ENGINE_REST("/engine-rest/deployment/create"),
    ENGINE_REST_NAMED("/engine-rest/engine/default/deployment/create"),
    WEBAPPS("/camunda/api/engine/engine/default/deployment/create");

    /** What a door answered. */
    public record Answer(int status, String body) {
    }

    private final String path;

    DeploymentDoors(String path) {
        this.path = path;
    }

    /** Deploys {@code bpmn} as {@code fileName} through this door, as {@code user} (password demo). */
    public Answer deploy(int port, String user, String fileName, String bpmn) {
        return send(port, user, "POST", path, fileName, bpmn);
    }

    /** Any request to the application as {@code user}, through the webapps' session and token when it goes to them. */
    public static Answer send(int port, String user, String method, String path, String fileName, String content) {
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", basic);
            if (path.startsWith("/camunda/")) {
                // the webapps refuse a change without the token their own pages carry
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/app/cockpit/default/")).header("Authorization", basic)
                        .build(), HttpResponse.BodyHandlers.ofString());
                page.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            }
            if (fileName != null) {
                String boundary = "expoflow-" + UUID.randomUUID();
                String part = path.endsWith("directive-kinds") ? "file" : "data";
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content.getBytes(StandardCharsets.UTF_8));
                body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                        + fileName + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            } else if (content != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(content));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
