package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.expoflow.commands.api.TaskAssigned;
import org.expoflow.commands.api.TaskCompleted;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit half a year into a province's expo has done thousands of steps: its list still shows the step it has
 * open, due after all of them, and its done tab counts every done one.
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
        // the steps' events as the engine's listener would have stored them, without the engine's half year
        Instant firstDue = Instant.parse("2029-01-05T08:00:00Z");
        for (int batch = 0; batch < DONE_STEPS; batch += 100) {
            int from = batch;
            transactions.executeWithoutResult(status -> {
                for (int step = from; step < Math.min(DONE_STEPS, from + 100); step++) {
                    String taskId = UUID.randomUUID().toString();
                    publish(assigned(taskId, expoId, "Shenfu weekly report " + step, firstDue.plus(Duration.ofHours(step))));
                    publish(new TaskCompleted(taskId, "shenfu-weekly", "shenfu", "shenfu", Map.of(), Map.of(), null, null));
                }
            });
        }
        String open = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status ->
                publish(assigned(open, expoId, "Shenfu booth plan", Instant.parse("2035-06-01T08:00:00Z"))));

        PageSession clerk = PageSession.signedIn(base, "shenfu");
        assertThat(clerk.get("/tasks")).as("the open step, due after every done one").contains("/tasks/" + open + "\"");
        assertThat(doneCount(clerk.get("/tasks"))).isGreaterThanOrEqualTo(DONE_STEPS);
        assertThat(clerk.get("/tasks?filter=done")).as("the latest due first").contains("Shenfu weekly report " + (DONE_STEPS - 1))
                .doesNotContain("/tasks/" + open + "\"");
    }

    private static TaskAssigned assigned(String taskId, String expoId, String stepName, Instant dueAt) {
        return new TaskAssigned(taskId, expoId, "shenfu-weekly", "shenfu", "process-" + taskId, "weeklyReport", stepName,
                "shenfu", dueAt, Set.of(), null, false);
    }

    private void publish(Object event) {
        events.publish(GenericEventMessage.asEventMessage(event).andMetaData(Map.of("actor", "shenfu")));
    }

    private static long doneCount(String list) {
        Matcher count = Pattern.compile("id=\"filter-done\".*?<span class=\"count\">(\\d+)</span>", Pattern.DOTALL).matcher(list);
        assertThat(count.find()).as("the done tab").isTrue();
        return Long.parseLong(count.group(1));
    }
}
