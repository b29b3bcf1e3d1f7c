package org.expoflow.workflow.scenario;

import org.expoflow.workflow.TestClients;

import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** The set-up most tests start from, made through the API as the coordinator: Osaka, its units, a directive. */
public final class OsakaFixture {

    private OsakaFixture() {
    }

    /** Plans an Osaka exhibition with the given cities enrolled; answers its id. */
    public static String osakaWith(ExpoFlowClient coordinator, String... cities) {
        String expoId = coordinator.post("/api/expos", map("name", "Osaka", "venue", "Osaka", "opensOn", "2030-03-01",
                "closesOn", "2030-03-04")).field("id");
        for (String city : cities) {
            coordinator.post("/api/expos/{e}/units", map("unitId", city, "kind", "CITY"), expoId);
        }
        return expoId;
    }

    /**
     * Issues "invite buyers" (50 per unit, due 2030-02-01) to the given units; answers the directive id. Its title is the
     * same each time, and meant so ({@code duplicateTitle}): a test may issue it to an expo more than once.
     */
    public static String inviteBuyers(ExpoFlowClient coordinator, String expoId, String... units) {
        return coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", "Invite",
                "dueOn", "2030-02-01", "unitIds", List.of(units), "targets", map("buyersInvited", 50),
                "duplicateTitle", true)).field("id");
    }

    /** The first active task of a directive in the unit's own list. */
    public static String firstActiveTask(ExpoFlowClient unit, String directiveId) {
        return unit.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body()
                .path("items").get(0).path("id").asText();
    }

    /** A unit's clerk attaches a file to a step through the API; the answer names the attachment's id. */
    public static JsonNode attach(String base, String user, String taskId, String name, MediaType type, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(type);
        return TestClients.rest(base).post().uri("/api/tasks/{t}/attachments", taskId)
                .headers(headers -> headers.setBasicAuth(user, "demo"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).retrieve().body(JsonNode.class);
    }
}
