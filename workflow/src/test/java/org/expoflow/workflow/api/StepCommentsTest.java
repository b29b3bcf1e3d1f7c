package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A step's thread: the unit asks, the office answers, leadership instructs; each is an event in the step's
 * history, listed oldest first; an empty comment, another unit's step or an instruction from anyone but
 * leadership is refused and nothing is written.
 */
@ExpoFlowTest
class StepCommentsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void theUnitAsksTheOfficeAnswersLeadershipInstructsAndNothingIsEdited() {
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "dandong"), "dandong");
        String taskId = OsakaFixture.firstActiveTask(as("dandong"), directiveId);

        assertThat(as("dandong").post("/api/tasks/{t}/comments", map("text", "do Korean buyers count?"), taskId).status().value())
                .isEqualTo(201);
        assertThat(as("coordinator").post("/api/tasks/{t}/comments", map("text", "yes, list them apart"), taskId).status().value())
                .isEqualTo(201);
        assertThat(as("leader").post("/api/tasks/{t}/comments", map("text", "invite the Osaka chamber too", "instruction", true),
                taskId).status().value()).isEqualTo(201);

        JsonNode thread = as("dandong").get("/api/tasks/{t}/comments", taskId).body();
        assertThat(thread.findValuesAsText("text")).containsExactly("do Korean buyers count?", "yes, list them apart",
                "invite the Osaka chamber too");
        assertThat(thread.findValuesAsText("author")).containsExactly("dandong", "coordinator", "leader");
        assertThat(thread.get(2).path("instruction").asBoolean()).isTrue();
        assertThat(thread.get(0).path("instruction").asBoolean()).isFalse();
        assertThat(new EventStoreProbe(jdbc).eventTypes(taskId)).containsSubsequence("TaskCommented", "TaskCommented", "TaskCommented");
    }

    @Test
    void aLeadersInstructionIsInTheNextMeetingsBriefAndAnOrdinaryCommentIsNot() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "dandong");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "dandong");
        String taskId = OsakaFixture.firstActiveTask(as("dandong"), directiveId);
        as("coordinator").post("/api/tasks/{t}/comments", map("text", "please hurry"), taskId);
        as("leader").post("/api/tasks/{t}/comments", map("text", "invite the Osaka chamber too", "instruction", true), taskId);

        String meetingId = as("leader").post("/api/meetings", map("expoId", expoId, "title", "Weekly review",
                "heldAt", java.time.Instant.now().toString())).field("id");
        JsonNode instructions = as("leader").get("/api/meetings/{m}/brief", meetingId).body().path("instructions");

        assertThat(instructions.findValuesAsText("text")).containsExactly("invite the Osaka chamber too");
        assertThat(instructions.get(0).path("unitId").asText()).isEqualTo("dandong");
        assertThat(instructions.get(0).path("author").asText()).isEqualTo("leader");
    }

    @Test
    void anEmptyCommentAnotherUnitsStepAndAnInstructionNotFromLeadershipAreRefusedAndNothingIsWritten() {
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "dandong"), "dandong");
        String taskId = OsakaFixture.firstActiveTask(as("dandong"), directiveId);
        EventStoreProbe events = new EventStoreProbe(jdbc);
        // the step's own events: a count of the whole store also saw the job executor fire earlier tests' timers
        List<String> before = events.eventTypes(taskId);

        ExpoFlowClient.Answer empty = as("dandong").post("/api/tasks/{t}/comments", map("text", "  "), taskId);
        assertThat(empty.status().value()).isEqualTo(400);
        assertThat(empty.field("field")).isEqualTo("text");
        assertThat(as("fuxin").post("/api/tasks/{t}/comments", map("text", "not ours"), taskId).status().value()).isEqualTo(403);
        assertThat(as("coordinator").post("/api/tasks/{t}/comments", map("text", "do it", "instruction", true), taskId)
                .status().value()).isEqualTo(403);
        assertThat(events.eventTypes(taskId)).isEqualTo(before);
    }
}
