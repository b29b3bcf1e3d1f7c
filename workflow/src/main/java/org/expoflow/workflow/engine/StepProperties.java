package org.expoflow.workflow.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a kind declares on its process or its steps as {@code camunda:property}: deadline offsets
 * ({@code dueBeforeDeadline}, {@code dueWithin}), supervision timing ({@code dueSoonBefore},
 * {@code escalateAfter}) and {@code attachments} (the step asks for at least one attached file).
 */
public final class StepProperties {

    public static final String ATTACHMENTS = "attachments";

    private StepProperties() {
    }

    public static String of(BaseElement element, String name) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (name.equals(property.getCamundaName())) {
                    return property.getCamundaValue();
                }
            }
        }
        return null;
    }

    /** Every property the element declares, by name; of two with one name, the first, as {@link #of} reads them. */
    public static Map<String, String> all(BaseElement element) {
        Map<String, String> declared = new LinkedHashMap<>();
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions != null) {
            for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty property : properties.getCamundaProperties()) {
                    if (property.getCamundaName() != null && !declared.containsKey(property.getCamundaName())) {
                        declared.put(property.getCamundaName(), property.getCamundaValue());
                    }
                }
            }
        }
        return Collections.unmodifiableMap(declared);
    }
}
