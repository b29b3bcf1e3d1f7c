package org.expoflow.bpmn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The camunda:properties an element of a model declares. */
final class BpmnProperties {

    private BpmnProperties() {
    }

    static Map<String, String> of(BpmnModelInstance model, String elementId) {
        BaseElement element = model.getModelElementById(elementId);
        Map<String, String> properties = new LinkedHashMap<>();
        if (element.getExtensionElements() != null) {
            element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .forEach(list -> list.getCamundaProperties()
                            .forEach((CamundaProperty p) -> properties.put(p.getCamundaName(), p.getCamundaValue())));
        }
        return properties;
    }
}
