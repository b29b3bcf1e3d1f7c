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

/** The public security department's preparedness: four plans in parallel, a joint drill, the sign-off. */
@Deployment(resources = "directive-kinds/safety-preparedness.bpmn")
class SafetyPreparednessProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    private ProcessInstance plansPrepared() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "safety-preparedness", "shenfu");
        assertThat(instance).isWaitingAt("prepareSecurityPlan", "prepareMedicalPlan", "prepareFoodSafetyPlan",
                "prepareEmergencyPlan");
        complete(task("prepareSecurityPlan"), withVariables("securityPlan", "access control at hall 3"));
        complete(task("prepareMedicalPlan"), withVariables("medicalPlan", "first aid at the booth"));
        complete(task("prepareFoodSafetyPlan"), withVariables("foodSafetyPlan", "sampling of tasting food"));
        assertThat(instance).isNotWaitingAt("holdJointDrill");
        complete(task("prepareEmergencyPlan"), withVariables("emergencyPlan", "evacuation routes"));
        assertThat(instance).isWaitingAt("holdJointDrill");
        return instance;
    }

    @Test
    void theDrillWaitsForAllFourPlansAndTheOfficeSignsOff() {
        ProcessInstance instance = plansPrepared();
        complete(task(), withVariables("drillHeldOn", "2030-06-01", "drillFindings", "exit 4 blocked, fixed"));
        assertThat(instance).isWaitingAt("signOffPreparedness");
        assertThat(task()).hasCandidateGroup("coordinator");
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded().hasPassed("plansReady", "signOffDecided", "safetyPrepared");
    }

    @Test
    void theOfficeCanAskForAnotherDrill() {
        ProcessInstance instance = plansPrepared();
        complete(task(), withVariables("drillHeldOn", "2030-06-01"));
        complete(task(), withVariables("decision", "RETURN", "comment", "drill the night shift too"));
        assertThat(instance).isWaitingAt("holdJointDrill");
        assertThat(task()).hasCandidateGroup("shenfu");
    }
}
