package org.expoflow.workflow.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An upload of a kind that cannot be deployed is refused in a sentence of the reader's language (Chinese by
 * default), naming the part at fault; the engine's own words follow as the detail to mend, and nothing is deployed.
 */
@ExpoFlowTest
class KindRefusalsInWordsTest {

    @LocalServerPort
    int port;

    @Test
    void aMisnamedTextsFileAndAFileThatIsNoModelAreRefusedInChinese() throws Exception {
        JsonNode misnamed = KindUploads.upload(port, "misnamed-texts-trial", KindUploads.trialKind("misnamed-texts-trial"),
                Map.of("words.txt", "kind.misnamed-texts-trial.name=试点\n"));
        assertThat(misnamed.path("status").asInt()).isEqualTo(400);
        assertThat(misnamed.at("/body/field").asText()).isEqualTo("texts");
        assertThat(misnamed.at("/body/detail").asText())
                .isEqualTo("督办事项类型的文字须放在名为 texts_<语言>.properties 的文件中（如 texts_zh.properties），不能是“words.txt”。");

        JsonNode noModel = KindUploads.upload(port, "no-model-trial", "<bpmn:definitions>unclosed", Map.of());
        assertThat(noModel.path("status").asInt()).isEqualTo(400);
        assertThat(noModel.at("/body/field").asText()).isEqualTo("file");
        assertThat(noModel.at("/body/detail").asText()).startsWith("上传的文件不是有效的 BPMN 2.0 模型（");

        assertThat(ExpoFlowClient.as("http://localhost:" + port, "coordinator").get("/api/directive-kinds").body()
                .findValuesAsText("key")).doesNotContain("misnamed-texts-trial", "no-model-trial");
    }
}
