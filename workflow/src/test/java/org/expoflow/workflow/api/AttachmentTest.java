package org.expoflow.workflow.api;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.Base64;
import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jinzhou builds its booth up and attaches the photos the acceptance needs: the step cannot be completed
 * without one, only photos and PDFs are taken, and another unit can neither attach nor read them.
 */
@ExpoFlowTest
class AttachmentTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    private JsonNode attach(String user, String taskId, String fileName, MediaType type, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(type);
        return TestClients.rest("http://localhost:" + port).post().uri("/api/tasks/{t}/attachments", taskId)
                .headers(headers -> headers.setBasicAuth(user, "demo"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
                .exchange((request, response) -> {
                    var answer = new ObjectMapper().createObjectNode().put("status", response.getStatusCode().value());
                    byte[] bytes = response.getBody().readAllBytes();
                    answer.set("body", bytes.length == 0 ? null : new ObjectMapper().readTree(bytes));
                    return answer;
                });
    }

    @Test
    void theBoothIsAcceptedOnlyWithItsPhotosAttached() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        ExpoFlowClient jinzhou = ExpoFlowClient.as("http://localhost:" + port, "jinzhou");
        String expoId = OsakaFixture.osakaWith(coordinator, "jinzhou", "panjin");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "regional-image-booth",
                "title", "Jinzhou's booth in the regional image hall", "dueOn", "2030-02-28", "unitIds", List.of("jinzhou"),
                "targets", map("boothAreaM2", 54))).field("id");
        jinzhou.post("/api/tasks/{t}/complete", map("values", map("boothDesign", "Bohai coast"), "figures",
                map("boothAreaM2", 54)), OsakaFixture.firstActiveTask(jinzhou, directiveId));
        coordinator.post("/api/tasks/{t}/complete", map("decision", "APPROVE"),
                OsakaFixture.firstActiveTask(coordinator, directiveId));
        String buildUp = OsakaFixture.firstActiveTask(jinzhou, directiveId);
        JsonNode step = jinzhou.get("/api/tasks/{t}", buildUp).body();
        assertThat(step.path("stepKey").asText()).isEqualTo("buildUpBooth");

        ExpoFlowClient.Answer withoutPhoto = jinzhou.post("/api/tasks/{t}/complete", map("values", map()), buildUp);
        assertThat(withoutPhoto.status().value()).isEqualTo(400);
        assertThat(withoutPhoto.field("field")).isEqualTo("attachments");

        assertThat(attach("jinzhou", buildUp, "notes.txt", MediaType.TEXT_PLAIN, "booth".getBytes()).path("status").asInt())
                .isEqualTo(415);
        assertThat(attach("panjin", buildUp, "booth.png", MediaType.IMAGE_PNG, PNG).path("status").asInt()).isEqualTo(403);
        JsonNode attached = attach("jinzhou", buildUp, "booth-front.png", MediaType.IMAGE_PNG, PNG);
        assertThat(attached.path("status").asInt()).as(attached.toString()).isEqualTo(201);
        String attachmentId = attached.at("/body/id").asText();

        JsonNode listed = jinzhou.get("/api/tasks/{t}/attachments", buildUp).body();
        assertThat(listed.findValuesAsText("name")).containsExactly("booth-front.png");
        assertThat(listed.findValuesAsText("contentType")).containsExactly("image/png");
        byte[] downloaded = TestClients.rest("http://localhost:" + port).get()
                .uri("/api/tasks/{t}/attachments/{a}", buildUp, attachmentId)
                .headers(headers -> headers.setBasicAuth("coordinator", "demo"))
                .retrieve().body(byte[].class);
        assertThat(downloaded).isEqualTo(PNG);
        assertThat(ExpoFlowClient.as("http://localhost:" + port, "panjin").get("/api/tasks/{t}/attachments", buildUp)
                .status().value()).isEqualTo(403);

        assertThat(jinzhou.post("/api/tasks/{t}/complete", map("values", map("boothPhotos", "front and side")), buildUp)
                .status().value()).isEqualTo(204);
        JsonNode history = jinzhou.get("/api/tasks/{t}", buildUp).body().path("history");
        assertThat(history.findValuesAsText("type")).containsSubsequence("AttachmentAdded", "TaskCompleted");
        assertThat(history.findValuesAsText("name")).contains("booth-front.png");
        assertThat(coordinator.get("/api/directive-kinds").body().findValuesAsText("attachments")).contains("boothPhotos");
    }
}
