package org.expoflow.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fuxin's results: a monthly report each time the timer cycle fires, until the final statistics are confirmed. */
@Deployment(resources = "directive-kinds/results-statistics.bpmn")
class ResultsStatisticsProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void aMonthlyReportFallsDueEachMonthWhileTheFinalStatisticsAreOpen() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "results-statistics", "fuxin");
        assertThat(instance).isWaitingAt("submitFinalStatistics");
        org.assertj.core.api.Assertions.assertThat(job().getDuedate()).as("the first monthly report is due in a month")
                .isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(27))));

        execute(job());
        assertThat(instance).isWaitingAt("submitFinalStatistics", "submitMonthlyReport");
        complete(task("submitMonthlyReport"), withVariables("ordersIntentionalYuan", 5_000_000L, "ordersSignedYuan", 1_200_000L));
        assertThat(instance).hasPassed("monthlyReportFiled").isWaitingAt("submitFinalStatistics");

        execute(job());
        assertThat(instance).isWaitingAt("submitMonthlyReport");
        complete(task("submitMonthlyReport"), withVariables("ordersIntentionalYuan", 9_000_000L));

        complete(task("submitFinalStatistics"), withVariables("ordersIntentionalYuan", 12_000_000L,
                "ordersSignedYuan", 4_000_000L, "projectsSigned", 2L, "projectsSignedValueYuan", 80_000_000L));
        assertThat(instance).isWaitingAt("confirmFinalStatistics");
        org.assertj.core.api.Assertions.assertThat(processEngine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).count()).as("no monthly report after the final one").isZero();
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded().hasPassed("resultsCounted");
    }

    @Test
    void returnedFinalStatisticsAreSubmittedAgain() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "results-statistics", "fuxin");
        assertThat(instance).isWaitingAt("submitFinalStatistics");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> processEngine.getFormService().submitTaskForm(
                        task().getId(), java.util.Map.of("ordersIntentionalYuan", 1L)))
                .hasMessageContaining("ordersSignedYuan");
        complete(task(), withVariables("ordersIntentionalYuan", 1L, "ordersSignedYuan", 1L, "projectsSigned", 0L,
                "projectsSignedValueYuan", 0L));
        complete(task(), withVariables("decision", "RETURN", "comment", "signed orders are missing Fuxin's auto parts"));
        assertThat(instance).isWaitingAt("submitFinalStatistics");
        assertThat(task()).hasCandidateGroup("fuxin");
    }
}
