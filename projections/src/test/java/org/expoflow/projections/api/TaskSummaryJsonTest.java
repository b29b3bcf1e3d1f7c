package org.expoflow.projections.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.junit.jupiter.api.Test;

/**
 * A task list's row as the REST API writes it: one flat object, each field under the name scripts and pages read
 * ({@code dueAt}, {@code overdue}, {@code percent}, {@code chaseUpGrade}...), the extension request the one nested
 * object; written as the application writes it (ISO instants, no nulls, plain decimals).
 */
class TaskSummaryJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final Instant T = Instant.parse("2030-02-01T00:00:00Z");

    /** A task shown with its texts, as the task's page is read: the summary's fields beside the others. */
    record Shown(@JsonUnwrapped TaskSummary summary, String instructions) {
    }

    /** The object as the API's client reads it: written out, then read as a tree. */
    private static JsonNode written(Object value) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    @Test
    void everyFieldIsWrittenFlatUnderItsName() throws Exception {
        TaskSummary task = new TaskSummary("t-1", new TaskDirective("osaka", "d-1", "Invite buyers", "shenyang"),
                new TaskStep("invite-buyers", "report", "Report progress", "invite-buyers:2:abc"), "shenyang",
                TaskStatus.CLAIMED, "wang",
                new TaskDeadline(T.plusSeconds(1), T.plusSeconds(5), true, false, T.plusSeconds(6),
                        new TaskDeadline.ExtensionRequest(T.plusSeconds(9), "holiday", T.plusSeconds(10))),
                new TaskProgress(40, Map.of("buyersInvited", new BigDecimal("45500")), T.plusSeconds(2)), "more detail",
                T.plusSeconds(3), T.plusSeconds(4),
                new TaskChaseUp(T.plusSeconds(7), "please reply", T.plusSeconds(8), ChaseUpGrade.SUPERVISE),
                List.of("dalian"), "t-0");

        assertThat(written(task)).isEqualTo(JSON.readTree("""
                {"id": "t-1", "expoId": "osaka", "directiveId": "d-1", "directiveTitle": "Invite buyers",
                 "kind": "invite-buyers", "unitId": "shenyang", "stepKey": "report", "stepName": "Report progress",
                 "candidateGroup": "shenyang", "status": "CLAIMED", "assignee": "wang",
                 "dueAt": "2030-02-01T00:00:01Z", "overdue": true, "percent": 40,
                 "latestFigures": {"buyersInvited": 45500}, "latestReportAt": "2030-02-01T00:00:02Z",
                 "returnComment": "more detail", "assignedAt": "2030-02-01T00:00:03Z",
                 "closedAt": "2030-02-01T00:00:04Z", "originalDueAt": "2030-02-01T00:00:05Z", "dueSoon": false,
                 "escalatedAt": "2030-02-01T00:00:06Z", "chasedUpAt": "2030-02-01T00:00:07Z",
                 "chaseUpMessage": "please reply", "chaseUpAcknowledgedAt": "2030-02-01T00:00:08Z",
                 "cooperatingUnits": ["dalian"], "supervisedTaskId": "t-0", "processDefinitionId": "invite-buyers:2:abc",
                 "extensionRequest": {"dueAt": "2030-02-01T00:00:09Z", "reason": "holiday",
                                      "requestedAt": "2030-02-01T00:00:10Z"},
                 "chaseUpGrade": "SUPERVISE", "active": true, "officeStep": false}
                """));
    }

    @Test
    void aFreshStepLeavesOutWhatItHasNotGot() throws Exception {
        TaskSummary task = new TaskSummary("t-2", new TaskDirective("osaka", "d-1", "Invite buyers", "dalian"),
                new TaskStep("invite-buyers", "report", "Report progress", null), "dalian", TaskStatus.OPEN, null,
                new TaskDeadline(null, null, false, false, null, null), new TaskProgress(0, null, null), null, null, null,
                new TaskChaseUp(null, null, null, null), List.of(), null);

        assertThat(written(new Shown(task, "At least 50 buyers"))).isEqualTo(JSON.readTree("""
                {"id": "t-2", "expoId": "osaka", "directiveId": "d-1", "directiveTitle": "Invite buyers",
                 "kind": "invite-buyers", "unitId": "dalian", "stepKey": "report", "stepName": "Report progress",
                 "candidateGroup": "dalian", "status": "OPEN", "overdue": false, "percent": 0, "dueSoon": false,
                 "cooperatingUnits": [], "active": true, "officeStep": false, "instructions": "At least 50 buyers"}
                """));
    }
}
