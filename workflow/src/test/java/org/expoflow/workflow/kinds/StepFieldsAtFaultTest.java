package org.expoflow.workflow.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;
import java.util.Map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A step with several fields at fault names them all in one answer (the engine's own validation stops at the
 * first), each by its label in the reader's language, and nothing is written: the step stays where it was.
 */
@ExpoFlowTest
class StepFieldsAtFaultTest {

    private static final String FORM = """
            <camunda:formData>
              <camunda:formField id="venueName" label="Venue" type="string">
                <camunda:validation><camunda:constraint name="required"/></camunda:validation>
              </camunda:formField>
              <camunda:formField id="contactPerson" label="Contact person" type="string">
                <camunda:validation><camunda:constraint name="required"/></camunda:validation>
              </camunda:formField>
              <camunda:formField id="programme" label="Programme" type="string">
                <camunda:validation><camunda:constraint name="minlength" config="20"/></camunda:validation>
              </camunda:formField>
            </camunda:formData>""";

    @LocalServerPort
    int port;

    @Test
    void everyFieldAtFaultIsNamedAtOnceAndTheStepStaysOpen() throws Exception {
        String bpmn = KindUploads.trialKind("three-fields-trial")
                .replaceAll("(?s)<camunda:formData>.*</camunda:formData>", FORM);
        JsonNode deployed = KindUploads.upload(port, "three-fields-trial", bpmn, Map.of("texts_zh.properties",
                "kind.three-fields-trial.field.venueName=活动场地\nkind.three-fields-trial.field.contactPerson=联系人\n"
                        + "kind.three-fields-trial.field.programme=活动安排\n"));
        assertThat(deployed.path("status").asInt()).as(deployed.toString()).isEqualTo(201);
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = coordinator.post("/api/directives", map("expoId", OsakaFixture.osakaWith(coordinator, "fuxin"),
                "kind", "three-fields-trial", "title", "主题活动", "dueOn", "2030-02-01", "unitIds", List.of("fuxin"))).field("id");
        ExpoFlowClient fuxin = ExpoFlowClient.as("http://localhost:" + port, "fuxin");
        String step = OsakaFixture.firstActiveTask(fuxin, directiveId);

        ExpoFlowClient.Answer refused = fuxin.post("/api/tasks/{t}/complete", map("values", map("programme", "开幕式")), step);

        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("venueName", "contactPerson", "programme");
        assertThat(refused.body().path("errors").findValuesAsText("detail"))
                .containsExactlyInAnyOrder("活动场地：请填写此项。", "联系人：请填写此项。", "活动安排：至少 20 个字。");
        assertThat(OsakaFixture.firstActiveTask(fuxin, directiveId)).as("nothing was written: the step is still to do")
                .isEqualTo(step);

        ExpoFlowClient.Answer english = fuxin.withHeader("Accept-Language", "en").post("/api/tasks/{t}/complete",
                map("values", map("venueName", "Hall 3", "programme", "opening")), step);
        assertThat(english.body().path("errors").findValuesAsText("detail"))
                .containsExactlyInAnyOrder("Contact person: required.", "Programme: at least 20 characters.");
    }
}
