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

/** Shenyang's investment projects: candidates, negotiations, signed at the expo with their value. */
@Deployment(resources = "directive-kinds/investment-projects.bpmn")
class InvestmentProjectsProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void candidatesAreNegotiatedAndSigned() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "investment-projects", "shenyang");
        assertThat(instance).isWaitingAt("listCandidateProjects");
        complete(task(), withVariables("candidateProjects", "robotics plant, Kansai investor, 300m"));
        assertThat(instance).isWaitingAt("reportNegotiations");
        complete(task(), withVariables("negotiationNote", "term sheet agreed"));
        assertThat(instance).isWaitingAt("signProjects");
        assertThat(task()).hasCandidateGroup("shenyang");
        complete(task(), withVariables("projectsSigned", 2L, "projectsSignedValueYuan", 300_000_000L));
        assertThat(instance).isEnded().hasPassed("projectsSignedAtExpo");
    }

    @Test
    void signingReportsBothTheProjectsAndTheirValue() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "investment-projects", "shenyang");
        assertThat(instance).isWaitingAt("listCandidateProjects");
        complete(task(), withVariables("candidateProjects", "one"));
        complete(task(), withVariables("negotiationNote", "close"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> processEngine.getFormService()
                        .submitTaskForm(task().getId(), java.util.Map.of("projectsSigned", 1L)))
                .hasMessageContaining("projectsSignedValueYuan");
    }
}
