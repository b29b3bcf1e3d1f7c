package org.expoflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** How long before a deadline a step is due soon, and after it escalated: the kind's own say, else the defaults. */
class DeadlineSupervisionTest {

    @Test
    void aKindMayDeclareItsOwnDueSoonLeadAndGracePeriod() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("ship-exhibits-fast").startEvent().endEvent().done();
        Process kind = model.getModelElementById("ship-exhibits-fast");
        assertThat(DeadlineSupervision.duration(kind, DeadlineSupervision.DUE_SOON_BEFORE, Duration.ofDays(3)))
                .isEqualTo(Duration.ofDays(3));

        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty dueSoon = model.newInstance(CamundaProperty.class);
        dueSoon.setCamundaName("dueSoonBefore");
        dueSoon.setCamundaValue("P7D");
        properties.addChildElement(dueSoon);
        extensions.addChildElement(properties);
        kind.setExtensionElements(extensions);

        assertThat(DeadlineSupervision.duration(kind, DeadlineSupervision.DUE_SOON_BEFORE, Duration.ofDays(3)))
                .isEqualTo(Duration.ofDays(7));
        assertThat(DeadlineSupervision.duration(kind, DeadlineSupervision.ESCALATE_AFTER, Duration.ofDays(2)))
                .as("what the kind does not declare keeps the default").isEqualTo(Duration.ofDays(2));
    }
}
