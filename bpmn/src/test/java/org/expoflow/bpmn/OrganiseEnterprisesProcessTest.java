package org.expoflow.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The organise-enterprises directive kind, walked by element id along both outcomes of the office's check. */
@Deployment(resources = "directive-kinds/organise-enterprises.bpmn")
class OrganiseEnterprisesProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    private ProcessInstance dalianReceivesTheDirective() {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("organise-enterprises",
                "d2:dalian", Map.of("expoId", "osaka", "directiveId", "d2", "unitId", "dalian", "dueAt", "2030-02-01T15:59:59Z"));
        assertThat(instance).isWaitingAt("registerEnterprises");
        assertThat(task()).hasCandidateGroup("dalian");
        return instance;
    }

    @Test
    void aConfirmedListEndsTheDirectiveForTheUnit() {
        ProcessInstance instance = dalianReceivesTheDirective();
        complete(task(), withVariables("enterpriseList", "Dalian seafood, Wafangdian bearings", "exhibitingEnterprises", 12L));
        assertThat(instance).isWaitingAt("confirmEnterpriseList");
        assertThat(task()).hasCandidateGroup("coordinator");

        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded().hasPassed("listDecided", "enterprisesOrganised");
    }

    @Test
    void aReturnedListGoesBackToTheUnit() {
        ProcessInstance instance = dalianReceivesTheDirective();
        complete(task(), withVariables("exhibitingEnterprises", 3L));
        complete(task(), withVariables("decision", "RETURN", "comment", "bring the Zhuanghe blueberries too"));
        assertThat(instance).isWaitingAt("registerEnterprises");
        assertThat(task()).hasCandidateGroup("dalian");

        complete(task(), withVariables("exhibitingEnterprises", 5L));
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded();
    }

    @Test
    void theRegistrationRequiresTheExhibitingEnterprisesFigure() {
        dalianReceivesTheDirective();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        processEngine.getFormService().submitTaskForm(task().getId(), Map.of("enterpriseList", "none yet")))
                .hasMessageContaining("exhibitingEnterprises");
    }
}
