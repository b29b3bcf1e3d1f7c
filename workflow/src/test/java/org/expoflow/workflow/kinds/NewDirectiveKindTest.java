package org.expoflow.workflow.kinds;

import org.expoflow.workflow.TestClients;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A directive kind is a BPMN file: deployed while ExpoFlow runs, it is issued and worked on at once. */
@ExpoFlowTest
class NewDirectiveKindTest {

    @LocalServerPort
    int port;

    private JsonNode upload(String path, String user, String fileField, String fileName, byte[] bpmn) throws IOException {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(fileField, new ByteArrayResource(bpmn) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        form.add("deployment-name", fileName);
        return TestClients.rest("http://localhost:" + port).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((request, response) -> {
                    var answer = new ObjectMapper().createObjectNode().put("status", response.getStatusCode().value());
                    byte[] body = response.getBody().readAllBytes();
                    answer.set("body", body.length == 0 ? null : new ObjectMapper().readTree(body));
                    return answer;
                });
    }

    private static byte[] trialKind() throws IOException {
        return new ClassPathResource("kinds/theme-activity-trial.bpmn").getInputStream().readAllBytes();
    }

    @Test
    void aKindDeployedThroughTheEnginesRestApiIsIssuedAndCompletedWithoutRestart() throws IOException {
        JsonNode deployed = upload("/engine-rest/deployment/create", "admin", "data", "theme-activity-trial.bpmn", trialKind());
        assertThat(deployed.path("status").asInt()).as(deployed.toString()).isEqualTo(200);

        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        JsonNode kind = StreamSupport.stream(coordinator.get("/api/directive-kinds").body().spliterator(), false)
                .filter(k -> k.path("key").asText().equals("theme-activity-trial")).findFirst().orElseThrow();
        assertThat(kind.path("figures").toString()).isEqualTo("[\"themeActivities\"]");
        assertThat(kind.path("steps")).hasSize(1);
        assertThat(kind.path("steps").get(0).path("id").asText()).isEqualTo("proposeThemeActivity");
        assertThat(kind.path("steps").get(0).path("candidateGroup").asText()).isEqualTo("${unitId}");

        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "theme-activity-trial",
                "title", "At least one theme activity per city", "dueOn", "2030-02-01", "unitIds", List.of("shenyang"),
                "targets", map("themeActivities", 1))).field("id");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("figures", map("themeActivities", 2)), task).status().value())
                .isEqualTo(204);

        JsonNode board = ExpoFlowClient.as("http://localhost:" + port, "leader").get("/api/expos/{e}/board", expoId).body();
        assertThat(board.path("units").get(0).path("cells").get(0).path("status").asText()).isEqualTo("DONE");
        assertThat(ExpoFlowClient.as("http://localhost:" + port, "leader").get("/api/expos/{e}/figures", expoId).body()
                .at("/total/themeActivities/value").asInt()).isEqualTo(2);
    }

    @Test
    void anAdminDeploysAKindThroughOurApiAndBadFilesAreRefusedNamingTheProblem() throws IOException {
        String renamed = new String(trialKind()).replace("theme-activity-trial", "theme-activity-trial-2");
        JsonNode deployed = upload("/api/directive-kinds", "admin", "file", "theme-activity-trial-2.bpmn", renamed.getBytes());
        assertThat(deployed.path("status").asInt()).as(deployed.toString()).isEqualTo(201);
        assertThat(deployed.path("body").findValuesAsText("key")).containsExactly("theme-activity-trial-2");

        assertThat(upload("/api/directive-kinds", "coordinator", "file", "x.bpmn", renamed.getBytes()).path("status").asInt())
                .isEqualTo(403);
        JsonNode notXml = upload("/api/directive-kinds", "admin", "file", "broken.bpmn", "<bpmn:definitions".getBytes());
        assertThat(notXml.path("status").asInt()).isEqualTo(400);
        assertThat(notXml.at("/body/field").asText()).isEqualTo("file");
        JsonNode noGroup = upload("/api/directive-kinds", "admin", "file", "no-group.bpmn",
                renamed.replace("theme-activity-trial-2", "no-group").replace(" camunda:candidateGroups=\"${unitId}\"", "").getBytes());
        assertThat(noGroup.path("status").asInt()).isEqualTo(400);
        assertThat(noGroup.at("/body/detail").asText()).contains("proposeThemeActivity").contains("candidate group");
        JsonNode noTimeToLive = upload("/api/directive-kinds", "admin", "file", "no-ttl.bpmn",
                renamed.replace("theme-activity-trial-2", "no-ttl").replace(" camunda:historyTimeToLive=\"P30D\"", "").getBytes());
        assertThat(noTimeToLive.path("status").asInt()).isEqualTo(400);
        assertThat(noTimeToLive.at("/body/detail").asText()).containsIgnoringCase("historyTimeToLive");
        assertThat(upload("/api/directive-kinds", "admin", "file", "kind.txt", renamed.getBytes()).path("status").asInt())
                .isEqualTo(400);
    }

    @Test
    void anUploadThatIsNoFileOrTooLargeIsRefusedWithItsOwnStatus() throws IOException {
        ExpoFlowClient admin = ExpoFlowClient.as("http://localhost:" + port, "admin");
        ExpoFlowClient.Answer json = admin.post("/api/directive-kinds", map("file", "invite-buyers.bpmn"));
        assertThat(json.status().value()).isEqualTo(415);
        assertThat(json.field("detail")).contains("multipart/form-data");

        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        JsonNode tooLarge = upload("/api/directive-kinds", "admin", "file", "huge.bpmn", huge);
        assertThat(tooLarge.path("status").asInt()).as(tooLarge.toString()).isEqualTo(413);
    }
}
