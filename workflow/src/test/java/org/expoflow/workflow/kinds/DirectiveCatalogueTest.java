package org.expoflow.workflow.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** The catalogue a coordinator issues from: the ten preparation directives, their steps and their figures. */
@ExpoFlowTest
class DirectiveCatalogueTest {

    @LocalServerPort
    int port;

    @Test
    void theTenKindsAreListedWithTheirStepsAndFigures() {
        JsonNode kinds = ExpoFlowClient.as("http://localhost:" + port, "shenyang").get("/api/directive-kinds").body();
        Map<String, JsonNode> byKey = StreamSupport.stream(kinds.spliterator(), false)
                .collect(Collectors.toMap(kind -> kind.path("key").asText(), kind -> kind));

        assertThat(byKey).containsKeys("invite-buyers", "organise-enterprises", "regional-image-booth", "ship-exhibits",
                "theme-activity", "investment-projects", "publicity", "safety-preparedness", "transport-reception",
                "results-statistics");
        assertThat(byKey).as("the deadline supervision is not a directive").doesNotContainKey("deadline-supervision");
        assertThat(figures(byKey, "invite-buyers")).containsExactly("buyersInvited", "buyersConfirmed");
        assertThat(figures(byKey, "organise-enterprises")).containsExactly("exhibitingEnterprises");
        assertThat(figures(byKey, "regional-image-booth")).containsExactly("boothAreaM2");
        assertThat(figures(byKey, "ship-exhibits")).containsExactly("exhibitsShipped");
        assertThat(figures(byKey, "theme-activity")).containsExactly("themeActivities");
        assertThat(figures(byKey, "investment-projects")).containsExactly("projectsSigned", "projectsSignedValueYuan");
        assertThat(figures(byKey, "publicity")).containsExactly("publicityItems");
        assertThat(figures(byKey, "results-statistics")).containsExactlyInAnyOrder("ordersIntentionalYuan",
                "ordersSignedYuan", "projectsSigned", "projectsSignedValueYuan");
        assertThat(figures(byKey, "safety-preparedness")).isEmpty();
        assertThat(steps(byKey, "safety-preparedness")).contains("prepareSecurityPlan",
                "prepareMedicalPlan", "prepareFoodSafetyPlan", "prepareEmergencyPlan", "holdJointDrill", "signOffPreparedness");
        assertThat(steps(byKey, "transport-reception"))
                .containsExactly("arrangeFlightsAndTrains", "draftReceptionPlan", "confirmTransportReception");
        byKey.values().forEach(kind -> assertThat(kind.path("name").asText()).isNotBlank());
    }

    @Test
    void aStepDeclaringAnOffsetIsDueThatLongBeforeTheDirective() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "jinzhou");
        Instant directiveDue = Instant.parse("2030-02-28T15:59:59Z");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "regional-image-booth",
                "title", "Jinzhou's booth", "dueAt", directiveDue.toString(), "unitIds", List.of("jinzhou"),
                "targets", map("boothAreaM2", 54))).field("id");
        JsonNode design = ExpoFlowClient.as("http://localhost:" + port, "jinzhou")
                .get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().at("/items/0");
        assertThat(design.path("stepKey").asText()).isEqualTo("proposeBoothDesign");
        assertThat(Instant.parse(design.path("dueAt").asText())).isEqualTo(directiveDue.minus(30, ChronoUnit.DAYS));
    }

    @Test
    void aDeadlineAlreadyPassedIsRefused() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "jinzhou");
        ExpoFlowClient.Answer refused = coordinator.post("/api/directives", map("expoId", expoId, "kind", "publicity",
                "title", "Publicity", "dueAt", Instant.now().minusSeconds(60).toString(), "unitIds", List.of("jinzhou")));
        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.field("field")).isEqualTo("dueOn");
    }

    private static List<String> steps(Map<String, JsonNode> byKey, String kind) {
        return StreamSupport.stream(byKey.get(kind).path("steps").spliterator(), false).map(step -> step.path("id").asText())
                .toList();
    }

    private static List<String> figures(Map<String, JsonNode> byKey, String kind) {
        return StreamSupport.stream(byKey.get(kind).path("figures").spliterator(), false).map(JsonNode::asText).toList();
    }
}
