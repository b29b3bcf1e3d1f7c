package org.expoflow.workflow.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kind uploaded with its own words: its texts_zh.properties names the kind and its step in Chinese, and a
 * clerk reads those names; a texts file named otherwise is refused naming {@code texts}, and nothing is deployed.
 */
@ExpoFlowTest
class KindOwnTextsTest {

    @LocalServerPort
    int port;

    @Test
    void aKindUploadedWithItsOwnTextsIsReadInChinese() throws Exception {
        String texts = "kind.own-words-trial.name=主题活动（试点）\n"
                + "kind.own-words-trial.step.proposeThemeActivity=提出主题活动方案\n";
        JsonNode deployed = upload("own-words-trial", "texts_zh.properties", texts);
        assertThat(deployed.path("status").asInt()).as(deployed.toString()).isEqualTo(201);

        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "fuxin");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "own-words-trial",
                "title", "主题活动", "dueOn", "2030-02-01", "unitIds", List.of("fuxin"))).field("id");

        String list = page("fuxin", "/tasks?directiveId=" + directiveId);
        assertThat(list).contains("提出主题活动方案").doesNotContain("Propose theme activities");
        assertThat(page("coordinator", "/console?expoId=" + expoId)).contains("主题活动（试点）");
    }

    @Test
    void aTextsFileNamedOtherwiseIsRefusedNamingItAndNothingIsDeployed() throws IOException {
        JsonNode refused = upload("badly-named-trial", "chinese.txt", "kind.badly-named-trial.name=x\n");

        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.at("/body/field").asText()).isEqualTo("texts");
        assertThat(ExpoFlowClient.as("http://localhost:" + port, "coordinator").get("/api/directive-kinds").body()
                .findValuesAsText("key")).doesNotContain("badly-named-trial");
    }

    private JsonNode upload(String key, String textsName, String texts) throws IOException {
        return KindUploads.upload(port, key, KindUploads.trialKind(key), Map.of(textsName, texts));
    }

    private String page(String user, String path) throws IOException, InterruptedException {
        return PageSession.signedIn("http://localhost:" + port, user).get(path);
    }
}
