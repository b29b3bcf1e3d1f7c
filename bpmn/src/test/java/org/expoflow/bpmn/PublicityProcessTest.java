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

/** Dandong's publicity: a plan, then the items published on traditional and new media. */
@Deployment(resources = "directive-kinds/publicity.bpmn")
class PublicityProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void aPlanIsFollowedByTheItemsPublished() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "publicity", "dandong");
        assertThat(instance).isWaitingAt("draftPublicityPlan");
        complete(task(), withVariables("publicityPlan", "Yalu river strawberries on Douyin"));
        assertThat(instance).isWaitingAt("publishPublicityItems");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> processEngine.getFormService()
                        .submitTaskForm(task().getId(), java.util.Map.of("mediaReport", "Liaoning TV")))
                .hasMessageContaining("publicityItems");
        complete(task(), withVariables("mediaReport", "Liaoning TV, 3 WeChat posts", "publicityItems", 4L));
        assertThat(instance).isEnded().hasPassed("publicityPublished");
    }
}
