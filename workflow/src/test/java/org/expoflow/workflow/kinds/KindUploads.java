package org.expoflow.workflow.kinds;

import org.expoflow.workflow.TestClients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** ADMIN uploading a kind through {@code /api/directive-kinds}, as the tests of uploaded kinds do. */
final class KindUploads {

    private KindUploads() {
    }

    /** The trial kind (kinds/theme-activity-trial.bpmn) under another key. */
    static String trialKind(String key) throws IOException {
        return new String(new ClassPathResource("kinds/theme-activity-trial.bpmn").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).replace("theme-activity-trial", key);
    }

    /** Uploads {@code bpmn} as {@code key}.bpmn with {@code texts} (file name to content); the answer's status and body. */
    static JsonNode upload(int port, String key, String bpmn, Map<String, String> texts) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", named(bpmn.getBytes(StandardCharsets.UTF_8), key + ".bpmn"));
        texts.forEach((name, content) -> form.add("texts", named(content.getBytes(StandardCharsets.UTF_8), name)));
        return TestClients.rest("http://localhost:" + port).post().uri("/api/directive-kinds")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((request, response) -> {
                    var answer = new ObjectMapper().createObjectNode().put("status", response.getStatusCode().value());
                    byte[] body = response.getBody().readAllBytes();
                    answer.set("body", body.length == 0 ? null : new ObjectMapper().readTree(body));
                    return answer;
                });
    }

    private static ByteArrayResource named(byte[] content, String name) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
