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

/** Yingkou's transport and reception: flights and trains, the reception plan, the office's confirmation. */
@Deployment(resources = "directive-kinds/transport-reception.bpmn")
class TransportReceptionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void confirmedArrangementsEndTheDirective() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "transport-reception", "yingkou");
        assertThat(instance).isWaitingAt("arrangeFlightsAndTrains");
        complete(task(), withVariables("transportArrangements", "charter DLC-KIX, 180 seats"));
        assertThat(instance).isWaitingAt("draftReceptionPlan");
        complete(task(), withVariables("receptionPlan", "hotels in Namba"));
        assertThat(instance).isWaitingAt("confirmTransportReception");
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded().hasPassed("receptionDecided", "transportArranged");
    }

    @Test
    void aReturnedReceptionPlanIsRedrafted() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "transport-reception", "yingkou");
        assertThat(instance).isWaitingAt("arrangeFlightsAndTrains");
        complete(task(), withVariables("transportArrangements", "scheduled flights"));
        complete(task(), withVariables("receptionPlan", "none yet"));
        complete(task(), withVariables("decision", "RETURN", "comment", "interpreters are missing"));
        assertThat(instance).isWaitingAt("draftReceptionPlan");
        assertThat(task()).hasCandidateGroup("yingkou");
    }
}
