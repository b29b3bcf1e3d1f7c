package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A coordinator with many units to chase does the office's work on many steps in one request: each step's
 * outcome is reported on its own, a refused step does not stop the others, and a request that is wrong as a
 * whole is refused naming its field, with nothing written.
 */
@ExpoFlowTest
class BulkOfficeWorkTest {

    private static final List<String> CITIES = List.of("jinzhou", "yingkou", "fuxin");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient coordinator;
    String directiveId;
    Map<String, String> steps;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @BeforeEach
    void threeCitiesWithAStepEach() {
        coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, CITIES.toArray(String[]::new));
        directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, CITIES.toArray(String[]::new));
        steps = new java.util.LinkedHashMap<>();
        CITIES.forEach(city -> steps.put(city, OsakaFixture.firstActiveTask(as(city), directiveId)));
    }

    @Test
    void deadlinesExtendedForManyStepsAtOnceAndAClosedStepReportedOnItsOwn() {
        ExpoFlowClient fuxin = as("fuxin");
        assertThat(fuxin.post("/api/tasks/{t}/complete", map(), steps.get("fuxin")).status().value()).isEqualTo(204);

        Answer answer = coordinator.post("/api/tasks/bulk", map("action", "EXTEND", "taskIds", new ArrayList<>(steps.values()),
                "dueOn", "2030-02-15", "reason", "the buyers' fair moved"));

        assertThat(answer.status().value()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("done").asInt()).isEqualTo(2);
        assertThat(answer.body().path("refused").asInt()).isEqualTo(1);
        JsonNode fuxinOutcome = outcome(answer, steps.get("fuxin"));
        assertThat(fuxinOutcome.path("done").asBoolean()).isFalse();
        assertThat(fuxinOutcome.path("refusal").asText()).isEqualTo("CONFLICT");
        assertThat(fuxinOutcome.path("detail").asText()).isNotBlank();
        for (String city : List.of("jinzhou", "yingkou")) {
            assertThat(outcome(answer, steps.get(city)).path("done").asBoolean()).isTrue();
            assertThat(as(city).get("/api/tasks/{t}", steps.get(city)).field("dueAt")).isEqualTo("2030-02-15T15:59:59Z");
        }
    }

    /**
     * With an Idempotency-Key the whole action is one transaction and each step a savepoint in it: a step refused in
     * the middle is rolled back alone, the steps before and after it commit with the key's answer, and a retry gets
     * that answer again without doing any step twice (docs/adr/0028).
     */
    @Test
    void aKeyedBulkActionCommitsItsDoneStepsWithItsAnswerAndARetryDoesNothingTwice() {
        assertThat(as("yingkou").post("/api/tasks/{t}/complete", map(), steps.get("yingkou")).status().value()).isEqualTo(204);
        ExpoFlowClient keyed = coordinator.withHeader("Idempotency-Key", "extend-three-" + directiveId);
        Object body = map("action", "EXTEND", "taskIds", List.of(steps.get("jinzhou"), steps.get("yingkou"), steps.get("fuxin")),
                "dueOn", "2030-02-15", "reason", "the buyers' fair moved");

        Answer first = keyed.post("/api/tasks/bulk", body);
        Answer retry = keyed.post("/api/tasks/bulk", body);

        assertThat(first.status().value()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("done").asInt()).isEqualTo(2);
        assertThat(outcome(first, steps.get("yingkou")).path("refusal").asText()).isEqualTo("CONFLICT");
        assertThat(retry.status().value()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        for (String city : List.of("jinzhou", "fuxin")) {
            assertThat(new EventStoreProbe(jdbc).eventTypes(steps.get(city))).as(city).containsOnlyOnce("DeadlineExtended");
            assertThat(as(city).get("/api/tasks/{t}", steps.get(city)).field("dueAt")).isEqualTo("2030-02-15T15:59:59Z");
        }
        assertThat(new EventStoreProbe(jdbc).eventTypes(steps.get("yingkou"))).doesNotContain("DeadlineExtended");
    }

    @Test
    void stepsHandedToAnotherUnitAtOnce() {
        Answer answer = coordinator.post("/api/tasks/bulk", map("action", "REASSIGN",
                "taskIds", List.of(steps.get("jinzhou"), steps.get("yingkou")), "unitId", "fuxin", "reason", "Fuxin has the buyers"));

        assertThat(answer.body().path("done").asInt()).as(answer.body().toString()).isEqualTo(2);
        List<String> fuxinSteps = StreamSupport.stream(as("fuxin").get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId)
                .body().path("items").spliterator(), false).map(item -> item.path("id").asText()).toList();
        assertThat(fuxinSteps).contains(steps.get("jinzhou"), steps.get("yingkou"));
    }

    @Test
    void reviewsApprovedAtOnceAndAUnitsOwnStepIsNoReview() {
        List<String> reviews = new ArrayList<>();
        for (String city : List.of("jinzhou", "yingkou")) {
            ExpoFlowClient unit = as(city);
            for (Object body : List.of(map(), map("figures", map("buyersInvited", 50)), map("figures", map("buyersConfirmed", 20)))) {
                assertThat(unit.post("/api/tasks/{t}/complete", body, OsakaFixture.firstActiveTask(unit, directiveId))
                        .status().value()).isEqualTo(204);
            }
        }
        StreamSupport.stream(coordinator.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items")
                .spliterator(), false).filter(item -> item.path("candidateGroup").asText().equals("coordinator"))
                .forEach(item -> reviews.add(item.path("id").asText()));
        assertThat(reviews).hasSize(2);
        List<String> asked = new ArrayList<>(reviews);
        asked.add(steps.get("fuxin"));

        Answer answer = coordinator.post("/api/tasks/bulk", map("action", "APPROVE", "taskIds", asked, "comment", "well done"));

        assertThat(answer.body().path("done").asInt()).as(answer.body().toString()).isEqualTo(2);
        assertThat(outcome(answer, steps.get("fuxin")).path("refusal").asText()).isEqualTo("INVALID");
        assertThat(outcome(answer, steps.get("fuxin")).path("field").asText()).isEqualTo("decision");
        JsonNode board = as("leader").get("/api/expos/{e}/board", as("leader").get("/api/tasks/{t}", steps.get("fuxin"))
                .field("expoId")).body();
        assertThat(board.findValuesAsText("status")).containsExactlyInAnyOrder("DONE", "DONE", "NOT_STARTED");
    }

    @Test
    void aRequestWrongAsAWholeIsRefusedNamingItsFieldAndNothingIsWritten() {
        EventStoreProbe events = new EventStoreProbe(jdbc);
        long before = events.count();
        List<String> all = new ArrayList<>(steps.values());

        assertRefused(coordinator.post("/api/tasks/bulk", map("action", "REASSIGN", "taskIds", all, "unitId", "atlantis",
                "reason", "nobody else")), "unitId");
        assertRefused(coordinator.post("/api/tasks/bulk", map("action", "EXTEND", "taskIds", all, "reason", "later")), "dueOn");
        assertRefused(coordinator.post("/api/tasks/bulk", map("action", "EXTEND", "taskIds", all, "dueOn", "2030-02-15")), "reason");
        assertRefused(coordinator.post("/api/tasks/bulk", map("action", "APPROVE", "taskIds", List.of())), "taskIds");
        assertRefused(coordinator.post("/api/tasks/bulk", map("taskIds", all)), "action");
        assertThat(as("jinzhou").post("/api/tasks/bulk", map("action", "APPROVE", "taskIds", all)).status().value())
                .as("the office's work only").isEqualTo(403);
        assertThat(events.count()).isEqualTo(before);
    }

    private static void assertRefused(Answer answer, String field) {
        assertThat(answer.status().value()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.field("field")).isEqualTo(field);
    }

    private static JsonNode outcome(Answer answer, String taskId) {
        return StreamSupport.stream(answer.body().path("outcomes").spliterator(), false)
                .filter(outcome -> outcome.path("taskId").asText().equals(taskId)).findFirst().orElseThrow();
    }
}
