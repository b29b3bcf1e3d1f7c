package org.expoflow.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The invite-buyers directive kind, walked by element id along both review outcomes. */
@Deployment(resources = "directive-kinds/invite-buyers.bpmn")
class InviteBuyersProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessCoverage.everyPathCovered();

    ProcessEngine processEngine;

    private ProcessInstance shenyangReceivesTheDirective() {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("invite-buyers",
                "d1:shenyang", Map.of("expoId", "osaka", "directiveId", "d1", "unitId", "shenyang",
                        "dueAt", "2030-02-01T15:59:59Z"));
        assertThat(instance).isWaitingAt("draftInvitationList");
        assertThat(task()).hasCandidateGroup("shenyang");
        return instance;
    }

    @Test
    void approvedInvitationsEndTheDirectiveForTheUnit() {
        BpmnAwareTests.init(processEngine);
        ProcessInstance instance = shenyangReceivesTheDirective();

        complete(task(), withVariables("invitationList", "Kansai buyers"));
        assertThat(instance).isWaitingAt("sendInvitations");
        assertThat(task()).hasCandidateGroup("shenyang");

        complete(task(), withVariables("buyersInvited", 42L));
        assertThat(instance).isWaitingAt("confirmBuyers");
        assertThat(task()).hasCandidateGroup("shenyang");

        complete(task(), withVariables("buyersConfirmed", 30L));
        assertThat(instance).isWaitingAt("reviewInvitations");
        assertThat(task()).hasCandidateGroup("coordinator");

        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded().hasPassed("reviewDecided", "buyersInvited");
    }

    @Test
    void returnedInvitationsGoBackToTheUnitWithTheComment() {
        BpmnAwareTests.init(processEngine);
        ProcessInstance instance = shenyangReceivesTheDirective();
        complete(task());
        complete(task(), withVariables("buyersInvited", 12L));
        complete(task());

        complete(task(), withVariables("decision", "RETURN", "comment", "add the Kobe buyers"));
        assertThat(instance).hasPassed("reviewDecided").isWaitingAt("draftInvitationList")
                .variables().containsEntry("comment", "add the Kobe buyers");
        assertThat(task()).hasCandidateGroup("shenyang");

        complete(task());
        complete(task(), withVariables("buyersInvited", 55L));
        complete(task(), withVariables("buyersConfirmed", 40L));
        complete(task(), withVariables("decision", "APPROVE"));
        assertThat(instance).isEnded();
    }

    @Test
    void theSendInvitationsFormRequiresTheBuyersInvitedFigure() {
        BpmnAwareTests.init(processEngine);
        shenyangReceivesTheDirective();
        complete(task());
        var fields = processEngine.getFormService().getTaskFormData(task().getId()).getFormFields();
        org.assertj.core.api.Assertions.assertThat(fields).singleElement().satisfies(field -> {
            org.assertj.core.api.Assertions.assertThat(field.getId()).isEqualTo("buyersInvited");
            org.assertj.core.api.Assertions.assertThat(field.getValidationConstraints())
                    .anySatisfy(c -> org.assertj.core.api.Assertions.assertThat(c.getName()).isEqualTo("required"));
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        processEngine.getFormService().submitTaskForm(task().getId(), Map.of()))
                .hasMessageContaining("buyersInvited");
    }
}
