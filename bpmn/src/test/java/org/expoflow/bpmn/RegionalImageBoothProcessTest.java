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

/** Jinzhou's booth in the regional image hall: design approved or returned, built, accepted or rebuilt. */
@Deployment(resources = "directive-kinds/regional-image-booth.bpmn")
class RegionalImageBoothProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void anApprovedDesignIsBuiltAndAccepted() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "regional-image-booth", "jinzhou");
        assertThat(instance).isWaitingAt("proposeBoothDesign");
        assertThat(task()).hasCandidateGroup("jinzhou");
        complete(task(), withVariables("boothDesign", "Bohai coast, amber light", "boothAreaM2", 54L));
        assertThat(instance).isWaitingAt("approveBoothDesign");
        assertThat(task()).hasCandidateGroup("coordinator");
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isWaitingAt("buildUpBooth");
        complete(task(), withVariables("boothPhotos", "booth-front.jpg, booth-side.jpg"));
        assertThat(instance).isWaitingAt("acceptBooth");
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded().hasPassed("designDecided", "acceptanceDecided", "boothReady");
    }

    @Test
    void aReturnedDesignAndARejectedBuildGoBackToTheCity() {
        ProcessInstance instance = ProcessCoverage.unitReceives(processEngine, "regional-image-booth", "jinzhou");
        assertThat(instance).isWaitingAt("proposeBoothDesign");
        complete(task(), withVariables("boothDesign", "plain", "boothAreaM2", 36L));
        complete(task(), withVariables("decision", "RETURN", "comment", "show the Bohai coast"));
        assertThat(instance).isWaitingAt("proposeBoothDesign");
        assertThat(task()).hasCandidateGroup("jinzhou");
        complete(task(), withVariables("boothDesign", "Bohai coast", "boothAreaM2", 36L));
        complete(task(), withVariables("decision", "APPROVE"));
        complete(task(), withVariables("boothPhotos", "booth.jpg"));
        complete(task(), withVariables("decision", "RETURN", "comment", "the lighting is missing"));
        assertThat(instance).isWaitingAt("buildUpBooth");
        assertThat(task()).hasCandidateGroup("jinzhou");
        complete(task(), withVariables("boothPhotos", "booth-lit.jpg"));
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded();
    }

    @Test
    void theDesignStepIsDueAMonthBeforeTheDirectiveAndTheBuildAsksForPhotos() {
        var model = processEngine.getRepositoryService().getBpmnModelInstance(
                processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("regional-image-booth")
                        .singleResult().getId());
        org.assertj.core.api.Assertions.assertThat(BpmnProperties.of(model, "proposeBoothDesign"))
                .containsEntry("dueBeforeDeadline", "P30D");
        org.assertj.core.api.Assertions.assertThat(BpmnProperties.of(model, "buildUpBooth"))
                .containsEntry("attachments", "boothPhotos");
    }
}
