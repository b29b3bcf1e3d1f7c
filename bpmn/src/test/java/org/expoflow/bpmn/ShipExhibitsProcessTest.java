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

/** Dalian ships its exhibits: documents and packing in parallel, hand-over, arrival at the venue. */
@Deployment(resources = "directive-kinds/ship-exhibits.bpmn")
class ShipExhibitsProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void documentsAndPackingBothFinishBeforeTheHandOver() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "ship-exhibits", "dalian");
        assertThat(instance).isWaitingAt("listExhibits");
        complete(task(), withVariables("exhibitList", "bearings, seafood samples"));
        assertThat(instance).isWaitingAt("prepareShippingDocuments", "packExhibits");

        complete(task("packExhibits"), withVariables("packingNote", "6 crates, booth B-12"));
        assertThat(instance).isWaitingAt("prepareShippingDocuments").isNotWaitingAt("handOverToLogistics");
        complete(task("prepareShippingDocuments"), withVariables("shippingDocuments", "ATA carnet CN-123"));
        assertThat(instance).isWaitingAt("handOverToLogistics");
        assertThat(task()).hasCandidateGroup("dalian");

        complete(task(), withVariables("exhibitsShipped", 48L, "waybill", "COSU123"));
        assertThat(instance).isWaitingAt("confirmArrival");
        assertThat(task()).hasCandidateGroup("coordinator");
        complete(task(), withVariables("arrivalNote", "all 6 crates intact"));
        assertThat(instance).isEnded().hasPassed("shippingPrepared", "readyToShip", "exhibitsArrived");
    }

    @Test
    void theHandOverRequiresTheExhibitsShippedFigure() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "ship-exhibits", "dalian");
        assertThat(instance).isWaitingAt("listExhibits");
        complete(task(), withVariables("exhibitList", "bearings"));
        complete(task("packExhibits"), withVariables("packingNote", "1 crate"));
        complete(task("prepareShippingDocuments"), withVariables("shippingDocuments", "invoice"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        processEngine.getFormService().submitTaskForm(task().getId(), java.util.Map.of("waybill", "COSU1")))
                .hasMessageContaining("exhibitsShipped");
    }
}
