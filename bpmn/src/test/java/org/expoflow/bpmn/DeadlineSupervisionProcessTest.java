package org.expoflow.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deadline of Tieling's "send invitations" step, watched: due soon, overdue, chased up and
 * acknowledged (after a reminder, if the office sends one first, which wants no reply), escalated after the grace
 * period. The timers are executed in the test; ExpoFlow's
 * delegates are stood in for by recorders of what they were asked to record.
 */
@Deployment(resources = "directive-kinds/deadline-supervision.bpmn")
class DeadlineSupervisionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    private final List<String> recorded = new ArrayList<>();

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
        for (String delegate : List.of("taskDueSoon", "taskOverdue", "taskChasedUp", "chaseUpAcknowledged", "taskEscalated")) {
            Mocks.register(delegate, (org.camunda.bpm.engine.delegate.JavaDelegate) execution ->
                    recorded.add(delegate + ":" + execution.getVariable("supervisedTaskId")));
        }
    }

    @AfterEach
    void forgetMocks() {
        Mocks.reset();
    }

    private ProcessInstance watch(Instant dueAt) {
        return processEngine.getRuntimeService().startProcessInstanceByKey("deadline-supervision", "supervision:t7",
                Map.of("supervisedTaskId", "t7", "expoId", "osaka", "directiveId", "d1", "unitId", "tieling",
                        "actingGroup", "tieling",
                        "dueSoonAt", Date.from(dueAt.minus(Duration.ofDays(3))), "dueAt", Date.from(dueAt),
                        "escalateAt", Date.from(dueAt.plus(Duration.ofDays(2)))));
    }

    @Test
    void anOverdueStepIsChasedUpAcknowledgedAndEscalated() {
        ProcessInstance instance = watch(Instant.now().minusSeconds(60));
        assertThat(instance).isWaitingAt("dueSoonReached");
        execute(job());
        assertThat(instance).isWaitingAt("deadlinePassed");
        execute(job());
        assertThat(instance).isWaitingAt("chaseUpUnit", "gracePeriodOver");
        Assertions.assertThat(recorded).containsExactly("taskDueSoon:t7", "taskOverdue:t7");

        assertThat(task("chaseUpUnit")).hasCandidateGroup("coordinator");
        complete(task("chaseUpUnit"), withVariables("message", "Send the invitations by Friday"));
        assertThat(instance).isWaitingAt("acknowledgeChaseUp");
        assertThat(task("acknowledgeChaseUp")).hasCandidateGroup("tieling");
        complete(task("acknowledgeChaseUp"), withVariables("reply", "going out Thursday"));
        assertThat(instance).hasPassed("chaseUpAnswered").isWaitingAt("gracePeriodOver");

        execute(job());
        assertThat(instance).isEnded().hasPassed("escalateToLeadership", "escalated");
        Assertions.assertThat(recorded).containsExactly("taskDueSoon:t7", "taskOverdue:t7", "taskChasedUp:t7",
                "chaseUpAcknowledged:t7", "taskEscalated:t7");
    }

    @Test
    void aReminderWantsNoReplyAndTheOfficeMayThenChaseUpAtAHigherGrade() {
        ProcessInstance instance = watch(Instant.now().minusSeconds(60));
        assertThat(instance).isWaitingAt("dueSoonReached");
        execute(job());
        execute(job());
        assertThat(instance).isWaitingAt("chaseUpUnit", "gracePeriodOver");

        complete(task("chaseUpUnit"), withVariables("message", "请抓紧报送", "grade", "URGE"));
        assertThat(instance).hasPassed("chaseUpGraded").isWaitingAt("chaseUpUnit", "gracePeriodOver");
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().taskDefinitionKey("acknowledgeChaseUp").count())
                .as("a reminder wants no reply").isZero();

        complete(task("chaseUpUnit"), withVariables("message", "予以通报，请三日内回复", "grade", "NOTIFY"));
        assertThat(instance).isWaitingAt("acknowledgeChaseUp", "gracePeriodOver");
        Assertions.assertThat(recorded).containsExactly("taskDueSoon:t7", "taskOverdue:t7", "taskChasedUp:t7", "taskChasedUp:t7");
    }

    @Test
    void aStepFarFromItsDeadlineWaitsForTheDueSoonDate() {
        Instant dueAt = Instant.now().plus(Duration.ofDays(30));
        ProcessInstance instance = watch(dueAt);
        assertThat(instance).isWaitingAt("dueSoonReached");
        Assertions.assertThat(job().getDuedate()).isEqualTo(Date.from(dueAt.minus(Duration.ofDays(3))));
        Assertions.assertThat(recorded).isEmpty();
    }

    @Test
    void aChaseUpCarriesAMessage() {
        ProcessInstance instance = watch(Instant.now().minusSeconds(60));
        assertThat(instance).isWaitingAt("dueSoonReached");
        execute(job());
        execute(job());
        Assertions.assertThatThrownBy(() -> processEngine.getFormService().submitTaskForm(task("chaseUpUnit").getId(), Map.of()))
                .hasMessageContaining("message");
    }
}
