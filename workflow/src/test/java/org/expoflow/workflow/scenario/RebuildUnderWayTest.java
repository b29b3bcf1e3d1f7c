package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.TaskService;
import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * While the read models are rebuilt, everyone goes on working with the live ones: queries, and the requests that
 * decide by them, answer as ever; the engine's own work is projected at once, and is in the rebuilt read models;
 * nothing is projected twice or lost when work and a rebuild run at the same time.
 */
@ExpoFlowTest
class RebuildUnderWayTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void queriesAndWritesGoOnWhileARebuildIsUnderWayAndTheirWorkIsInTheRebuiltReadModels() {
        ExpoFlowClient coordinator = as("coordinator");
        ExpoFlowClient shenyang = as("shenyang");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        JsonNode boardBefore = as("leader").get("/api/expos/{e}/board", expoId).body();

        // as a node that is rebuilding leaves it for every node
        if (jdbc.update("update read_model_state set rebuilding = true, position = 41, head = 99 where processing_group = 'read-models'") == 0) {
            jdbc.update("insert into read_model_state (processing_group, rebuilding, position, head) values ('read-models', true, 41, 99)");
        }
        try {
            ExpoFlowClient.Answer board = as("leader").get("/api/expos/{e}/board", expoId);
            assertThat(board.status().value()).isEqualTo(200);
            assertThat(board.body().path("units")).isEqualTo(boardBefore.path("units"));
            assertThat(shenyang.get("/api/tasks?status=ACTIVE").status().value()).isEqualTo(200);
            JsonNode progress = as("admin").get("/api/admin/projections/read-models").body();
            assertThat(progress.path("replaying").asBoolean()).as("the new model's progress").isTrue();
            assertThat(progress.path("position").asLong()).isEqualTo(41);

            // a request that reads the read models to decide is done, and read back at once ...
            assertThat(shenyang.post("/api/tasks/{t}/progress", map("percent", 60, "note", "letters out"), task)
                    .status().value()).isEqualTo(204);
            assertThat(shenyang.get("/api/tasks/{t}", task).body().path("percent").asInt()).isEqualTo(60);
            // ... and so is the engine's own work (Tasklist, a timer, its REST API)
            taskService.claim(task, "shenyang");
            assertThat(shenyang.get("/api/tasks/{t}", task).body().path("status").asText()).isEqualTo("CLAIMED");
        } finally {
            // the other node's rebuild goes on: a second one is refused here; once it has ended, this node may rebuild
            assertThat(as("admin").post("/api/admin/projections/read-models/rebuild").status().value()).isEqualTo(409);
            jdbc.update("update read_model_state set rebuilding = false where processing_group = 'read-models'");
            assertThat(as("admin").post("/api/admin/projections/read-models/rebuild?wait=true").status().value())
                    .isEqualTo(200);
        }

        JsonNode rebuilt = shenyang.get("/api/tasks/{t}", task).body();
        assertThat(rebuilt.path("status").asText()).as(rebuilt.toString()).isEqualTo("CLAIMED");
        assertThat(rebuilt.path("assignee").asText()).isEqualTo("shenyang");
        assertThat(rebuilt.path("percent").asInt()).isEqualTo(60);
        assertThat(rebuilt.path("history").findValuesAsText("type")).containsExactly("TaskAssigned", "ProgressReported",
                "TaskClaimed");
        JsonNode progress = as("admin").get("/api/admin/projections").body().get(0);
        assertThat(progress.path("replaying").asBoolean()).isFalse();
        assertThat(progress.path("position").asLong()).isEqualTo(progress.path("head").asLong());
    }

    @Test
    void workDuringARebuildIsProjectedOnceAndNothingIsLost() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        List<String> units = List.of("anshan", "fushun", "benxi", "dandong");
        String expoId = OsakaFixture.osakaWith(coordinator, units.toArray(String[]::new));
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, units.toArray(String[]::new));
        List<String> tasks = units.stream().map(unit -> OsakaFixture.firstActiveTask(as(unit), directiveId)).toList();

        ExecutorService clerks = Executors.newFixedThreadPool(units.size());
        List<ExpoFlowClient.Answer> answers = new ArrayList<>();
        try {
            List<Future<ExpoFlowClient.Answer>> completions = new ArrayList<>();
            ExpoFlowClient.Answer started = as("admin").post("/api/admin/projections/read-models/rebuild");
            assertThat(started.status().value()).isEqualTo(200);
            for (int i = 0; i < units.size(); i++) {
                ExpoFlowClient clerk = as(units.get(i));
                String task = tasks.get(i);
                completions.add(clerks.submit(() -> clerk.post("/api/tasks/{t}/complete",
                        map("values", map("invitationList", "Kansai buyers")), task)));
            }
            for (Future<ExpoFlowClient.Answer> completion : completions) {
                answers.add(completion.get());
            }
        } finally {
            clerks.shutdown();
        }
        assertThat(as("admin").post("/api/admin/projections/read-models/rebuild?wait=true").status().value()).isEqualTo(200);

        JsonNode consistency = as("admin").get("/api/admin/consistency").body();
        assertThat(consistency.path("consistent").asBoolean()).as(consistency.toString()).isTrue();
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode detail = coordinator.get("/api/tasks/{t}", tasks.get(i)).body();
            // every completion that met the rebuild was done, and is in the rebuilt read models once
            assertThat(answers.get(i).status().value()).as("%s", answers.get(i).body()).isEqualTo(204);
            assertThat(detail.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(detail.path("history").findValuesAsText("type")).as("each event once")
                    .containsExactly("TaskAssigned", "TaskCompleted");
        }
    }
}
