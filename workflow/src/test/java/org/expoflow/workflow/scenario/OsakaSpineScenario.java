package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The spine's story, through the REST API only: the expo office plans the Osaka exhibition and issues
 * "invite buyers" to Shenyang and Dalian; each city finds its task, reports progress with problems and
 * suggestions, and submits the buyers it invited; the coordinator approves Shenyang and returns Dalian's
 * work, which Dalian redoes; leadership sees both done on the board and the buyers against the target.
 * Runs on H2 and on PostgreSQL (see the subclasses).
 */
abstract class OsakaSpineScenario {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void fromThePreparatoryMeetingToInvitedBuyers() {
        ExpoFlowClient coordinator = as("coordinator");
        ExpoFlowClient shenyang = as("shenyang");
        ExpoFlowClient dalian = as("dalian");
        ExpoFlowClient leader = as("leader");
        EventStoreProbe events = new EventStoreProbe(jdbc);

        Answer expo = coordinator.post("/api/expos", map("name", "First Liaoning Export Commodities (Japan, Osaka) Exhibition",
                "venue", "Osaka", "opensOn", "2030-03-01", "closesOn", "2030-03-04"));
        assertThat(expo.status().value()).isEqualTo(201);
        String expoId = expo.field("id");
        for (String unit : List.of("shenyang", "dalian")) {
            assertThat(coordinator.post("/api/expos/{expo}/units", map("unitId", unit, "name", unit, "kind", "CITY"), expoId)
                    .status().value()).isEqualTo(201);
        }

        Answer kinds = coordinator.get("/api/directive-kinds");
        JsonNode inviteBuyers = StreamSupport.stream(kinds.body().spliterator(), false)
                .filter(kind -> kind.path("key").asText().equals("invite-buyers")).findFirst().orElseThrow();
        assertThat(inviteBuyers.path("figures").toString()).contains("buyersInvited");
        assertThat(inviteBuyers.path("steps").findValuesAsText("id"))
                .containsSubsequence("draftInvitationList", "sendInvitations", "reviewInvitations");

        Answer directive = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite Japanese buyers", "instructions", "At least 50 buyers from Kansai", "dueOn", "2030-02-01",
                "unitIds", List.of("shenyang", "dalian"), "targets", map("buyersInvited", 50)));
        assertThat(directive.status().value()).isEqualTo(201);
        String directiveId = directive.field("id");
        assertThat(events.eventTypes(directiveId)).containsExactly("DirectiveIssued");
        assertThat(events.metaDataOfLast(directiveId)).contains("\"actor\":\"coordinator\"").contains("correlationId");

        // each city finds its own task, and only its own
        JsonNode shenyangTasks = shenyang.get("/api/tasks?directiveId={d}", directiveId).body().path("items");
        assertThat(shenyangTasks).hasSize(1);
        JsonNode shenyangDraft = shenyangTasks.get(0);
        assertThat(shenyangDraft.path("unitId").asText()).isEqualTo("shenyang");
        assertThat(shenyangDraft.path("candidateGroup").asText()).isEqualTo("shenyang");
        assertThat(shenyangDraft.path("status").asText()).isEqualTo("OPEN");
        assertThat(shenyangDraft.path("stepKey").asText()).isEqualTo("draftInvitationList");
        String shenyangDraftId = shenyangDraft.path("id").asText();
        assertThat(dalian.get("/api/tasks/{t}", shenyangDraftId).status().value()).isEqualTo(403);

        // Shenyang works through its steps
        assertThat(shenyang.post("/api/tasks/{t}/claim", null, shenyangDraftId).status().value()).isEqualTo(204);
        assertThat(shenyang.post("/api/tasks/{t}/progress", map("percent", 50, "note", "list drafted",
                "problems", "few contacts in Kansai", "suggestions", "ask the trade office in Osaka"), shenyangDraftId)
                .status().value()).isEqualTo(204);
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai buyers")),
                shenyangDraftId).status().value()).isEqualTo(204);
        String shenyangSend = activeTask(shenyang, directiveId, "shenyang", "shenyang");
        JsonNode sendForm = shenyang.get("/api/tasks/{t}", shenyangSend).body().path("formFields");
        assertThat(sendForm.findValuesAsText("id")).containsExactly("buyersInvited");
        assertThat(sendForm.get(0).path("required").asBoolean()).isTrue();

        Answer missingFigure = shenyang.post("/api/tasks/{t}/complete", map("values", map()), shenyangSend);
        assertThat(missingFigure.status().value()).isEqualTo(400);
        assertThat(missingFigure.field("field")).isEqualTo("buyersInvited");
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 42)), shenyangSend)
                .status().value()).isEqualTo(204);
        String shenyangConfirm = activeTask(shenyang, directiveId, "shenyang", "shenyang");
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 30)), shenyangConfirm)
                .status().value()).isEqualTo(204);

        // Dalian too, in one go
        String dalianDraft = activeTask(dalian, directiveId, "dalian", "dalian");
        assertThat(dalian.post("/api/tasks/{t}/progress", map("percent", 30, "problems", "no buyer database",
                "suggestions", "share Shenyang's list", "figures", map("buyersInvited", 10)), dalianDraft).status().value())
                .isEqualTo(204);
        dalian.post("/api/tasks/{t}/complete", map(), dalianDraft);
        String dalianSend = activeTask(dalian, directiveId, "dalian", "dalian");
        assertThat(dalian.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 12)), dalianSend)
                .status().value()).isEqualTo(204);
        dalian.post("/api/tasks/{t}/complete", map(), activeTask(dalian, directiveId, "dalian", "dalian"));

        // the coordinator reviews: approves Shenyang, returns Dalian with a comment
        JsonNode board = leader.get("/api/expos/{e}/board", expoId).body();
        assertThat(cell(board, "shenyang").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(cell(board, "shenyang").path("percent").asInt()).as("Shenyang has done its part").isEqualTo(100);
        String shenyangReview = activeTask(coordinator, directiveId, "shenyang", "coordinator");
        assertThat(shenyang.post("/api/tasks/{t}/complete", map("decision", "APPROVE"), shenyangReview).status().value())
                .as("a city cannot approve its own work").isEqualTo(403);
        assertThat(coordinator.post("/api/tasks/{t}/claim", null, shenyangReview).status().value()).isEqualTo(204);
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "APPROVE", "comment", "well done"),
                shenyangReview).status().value()).isEqualTo(204);
        String dalianReview = activeTask(coordinator, directiveId, "dalian", "coordinator");
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN",
                "comment", "12 is far from 50: add the Kobe buyers"), dalianReview).status().value()).isEqualTo(204);

        String dalianRework = activeTask(dalian, directiveId, "dalian", "dalian");
        JsonNode rework = dalian.get("/api/tasks/{t}", dalianRework).body();
        assertThat(rework.path("stepKey").asText()).isEqualTo("draftInvitationList");
        assertThat(rework.path("returnComment").asText()).isEqualTo("12 is far from 50: add the Kobe buyers");
        assertThat(rework.path("history").findValuesAsText("type")).contains("TaskReturnedForRework");
        assertThat(cell(leader.get("/api/expos/{e}/board", expoId).body(), "dalian").path("status").asText())
                .isEqualTo("RETURNED");
        dalian.post("/api/tasks/{t}/complete", map(), dalianRework);
        dalian.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 51)),
                activeTask(dalian, directiveId, "dalian", "dalian"));
        dalian.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 20)),
                activeTask(dalian, directiveId, "dalian", "dalian"));
        coordinator.post("/api/tasks/{t}/complete", map("decision", "APPROVE"),
                activeTask(coordinator, directiveId, "dalian", "coordinator"));

        // leadership sees the result
        board = leader.get("/api/expos/{e}/board", expoId).body();
        assertThat(cell(board, "shenyang").path("status").asText()).isEqualTo("DONE");
        assertThat(cell(board, "dalian").path("status").asText()).isEqualTo("DONE");
        JsonNode figures = leader.get("/api/expos/{e}/figures", expoId).body();
        assertThat(figures.at("/total/buyersInvited/value").decimalValue()).isEqualByComparingTo("93");
        assertThat(figures.at("/total/buyersInvited/target").decimalValue()).isEqualByComparingTo("100");

        JsonNode history = shenyang.get("/api/tasks/{t}", shenyangDraftId).body().path("history");
        assertThat(history.findValuesAsText("type"))
                .containsExactly("TaskAssigned", "TaskClaimed", "ProgressReported", "TaskCompleted");
        assertThat(history.get(2).path("details").path("problems").asText()).isEqualTo("few contacts in Kansai");
        assertThat(history.findValuesAsText("actor")).containsOnly("coordinator", "shenyang");
        assertThat(events.eventTypes(shenyangDraftId))
                .containsExactly("TaskAssigned", "TaskClaimed", "ProgressReported", "TaskCompleted");
        assertThat(events.eventTypes(directiveId))
                .containsExactly("DirectiveIssued", "UnitFinishedDirective", "UnitFinishedDirective");
    }

    /** The one active task of a unit's process on a directive that the given group acts on. */
    private static String activeTask(ExpoFlowClient client, String directiveId, String unitId, String candidateGroup) {
        JsonNode items = client.get("/api/tasks?directiveId={d}&unitId={u}&status=ACTIVE", directiveId, unitId)
                .body().path("items");
        List<JsonNode> matching = StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.path("candidateGroup").asText().equals(candidateGroup)).toList();
        assertThat(matching).as("active %s tasks of %s", candidateGroup, unitId).hasSize(1);
        return matching.get(0).path("id").asText();
    }

    private static JsonNode cell(JsonNode board, String unitId) {
        JsonNode unit = StreamSupport.stream(board.path("units").spliterator(), false)
                .filter(u -> u.path("unitId").asText().equals(unitId)).findFirst().orElseThrow();
        assertThat(unit.path("cells")).hasSize(1);
        return unit.path("cells").get(0);
    }
}
