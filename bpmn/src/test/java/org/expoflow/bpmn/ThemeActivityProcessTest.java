package org.expoflow.bpmn;

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

/** Anshan's theme activities: proposed (and returned once), prepared, held and reported. */
@Deployment(resources = "directive-kinds/theme-activity.bpmn")
class ThemeActivityProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void anApprovedProposalIsPreparedHeldAndReported() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "theme-activity", "anshan");
        assertThat(instance).isWaitingAt("proposeThemeActivity");
        complete(task(), withVariables("activityPlan", "Anshan jade tasting", "themeActivities", 1L));
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isWaitingAt("prepareThemeActivity");
        complete(task(), withVariables("preparationNote", "stage booked"));
        assertThat(instance).isWaitingAt("holdThemeActivity");
        complete(task(), withVariables("heldOn", "2030-06-20", "attendance", 120L));
        assertThat(instance).isWaitingAt("reportThemeActivity");
        complete(task(), withVariables("activityReport", "30 buyer contacts"));
        assertThat(instance).isEnded().hasPassed("themeActivitiesHeld");
    }

    @Test
    void aReturnedProposalGoesBackToTheCity() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "theme-activity", "anshan");
        assertThat(instance).isWaitingAt("proposeThemeActivity");
        complete(task(), withVariables("activityPlan", "a speech", "themeActivities", 1L));
        complete(task(), withVariables("decision", "RETURN", "comment", "something buyers can touch"));
        assertThat(instance).isWaitingAt("proposeThemeActivity");
        assertThat(task()).hasCandidateGroup("anshan");
    }

    @Test
    void aProposalNeedsAtLeastOneActivity() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "theme-activity", "anshan");
        assertThat(instance).isWaitingAt("proposeThemeActivity");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> processEngine.getFormService().submitTaskForm(task().getId(),
                        java.util.Map.of("activityPlan", "nothing yet", "themeActivities", 0L)))
                .hasMessageContaining("themeActivities");
    }
}
