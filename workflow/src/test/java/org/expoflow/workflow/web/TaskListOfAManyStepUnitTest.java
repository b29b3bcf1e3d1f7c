package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit half a year into a province's expo has done thousands of steps: its list still shows the step it has
 * open, due after all of them, its done tab counts every done one and shows them 50 to a page, the latest first;
 * and a step done long ago, whose engine history is gone, still opens with its own history.
 */
@ExpoFlowTest
class TaskListOfAManyStepUnitTest {

    private static final int DONE_STEPS = 501;

    @LocalServerPort
    int port;

    @Autowired
    EventGateway events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aUnitWithMoreThanFiveHundredDoneStepsStillFindsItsOpenStepDueAfterThem() throws Exception {
        String base = "http://localhost:" + port;
        String expoId = OsakaFixture.osakaWith(ExpoFlowClient.as(base, "coordinator"), "shenfu");
        // the steps' events as a task's would be stored, without the engine's half year (no engine task is left open:
        // the open step is completed at the end, as the other tests' consistency checks expect)
        Instant firstDue = Instant.parse("2029-01-05T08:00:00Z");
        for (int batch = 0; batch < DONE_STEPS; batch += 100) {
            int from = batch;
            transactions.executeWithoutResult(status -> {
                for (int step = from; step < Math.min(DONE_STEPS, from + 100); step++) {
                    String taskId = UUID.randomUUID().toString();
                    publish(taskId, 0, assigned(taskId, expoId, "Shenfu weekly report " + step, firstDue.plus(Duration.ofHours(step))));
                    publish(taskId, 1, completed(taskId));
                }
            });
        }
        String open = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status ->
                publish(open, 0, assigned(open, expoId, "Shenfu booth plan", Instant.parse("2035-06-01T08:00:00Z"))));
        try {
            listsOfAManyStepUnit(base, open);
        } finally {
            transactions.executeWithoutResult(status -> publish(open, 1, completed(open)));
        }
    }

    @Test
    void aDoneStepWhoseEngineHistoryIsGoneIsStillShownWithItsHistory() throws Exception {
        String base = "http://localhost:" + port;
        ExpoFlowClient coordinator = ExpoFlowClient.as(base, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenfu");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenfu");
        String taskId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            publish(taskId, 0, assigned(taskId, expoId, directiveId, "Shenfu old report", Instant.parse("2029-01-05T08:00:00Z")));
            publish(taskId, 1, completed(taskId, directiveId));
        });

        ExpoFlowClient.Answer step = ExpoFlowClient.as(base, "shenfu").get("/api/tasks/{t}", taskId);
        assertThat(step.status().value()).isEqualTo(200);
        assertThat(step.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(step.body().path("history").findValuesAsText("type")).containsExactly("TaskAssigned", "TaskCompleted");
        assertThat(PageSession.signedIn(base, "shenfu").get("/tasks/" + taskId)).contains("Shenfu old report");
    }

    private void listsOfAManyStepUnit(String base, String open) throws Exception {
        PageSession clerk = PageSession.signedIn(base, "shenfu");
        assertThat(clerk.get("/tasks")).as("the open step, due after every done one").contains("/tasks/" + open + "\"");
        assertThat(doneCount(clerk.get("/tasks"))).isGreaterThanOrEqualTo(DONE_STEPS);
        assertThat(clerk.get("/tasks?filter=done")).as("the latest due first, 50 to a page")
                .contains("Shenfu weekly report 500").contains("Shenfu weekly report 451")
                .doesNotContain("Shenfu weekly report 450").doesNotContain("/tasks/" + open + "\"").contains("id=\"nextTasks\"");
        assertThat(clerk.get("/tasks?filter=done&page=1")).contains("Shenfu weekly report 450").contains("Shenfu weekly report 401")
                .doesNotContain("Shenfu weekly report 451").contains("id=\"previousTasks\"");
        assertThat(clerk.get("/tasks?filter=done&page=1000")).as("past the end, the last page: the oldest done step too")
                .contains(">Shenfu weekly report 0<").doesNotContain(">Shenfu weekly report 500<").contains("id=\"previousTasks\"");
        assertThat(stepNames(clerk.download("/tasks?filter=done&format=xlsx"))).as("the done tab's spreadsheet: every done step")
                .contains("Shenfu weekly report 500", "Shenfu weekly report 0").doesNotContain("Shenfu booth plan")
                .filteredOn(name -> name.startsWith("Shenfu weekly report")).hasSize(DONE_STEPS);
    }

    /** Every cell of the spreadsheet's rows, as text: each step's name among them. */
    private static List<String> stepNames(byte[] xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(format.formatCellValue(cell))));
        }
        return cells;
    }

    private static TaskAssigned assigned(String taskId, String expoId, String stepName, Instant dueAt) {
        return assigned(taskId, expoId, "shenfu-weekly", stepName, dueAt);
    }

    private static TaskAssigned assigned(String taskId, String expoId, String directiveId, String stepName, Instant dueAt) {
        return new TaskAssigned(taskId, expoId, directiveId, "shenfu", "process-" + taskId, "weeklyReport", stepName,
                "shenfu", dueAt, Set.of(), null, false);
    }

    private static TaskCompleted completed(String taskId) {
        return completed(taskId, "shenfu-weekly");
    }

    private static TaskCompleted completed(String taskId, String directiveId) {
        return new TaskCompleted(taskId, directiveId, "shenfu", "shenfu", Map.of(), Map.of(), null, null);
    }

    private void publish(String taskId, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Task", taskId, sequence, event, MetaData.with("actor", "shenfu")));
    }

    private static long doneCount(String list) {
        Matcher count = Pattern.compile("id=\"filter-done\".*?<span class=\"count\">(\\d+)</span>", Pattern.DOTALL).matcher(list);
        assertThat(count.find()).as("the done tab").isTrue();
        return Long.parseLong(count.group(1));
    }
}
