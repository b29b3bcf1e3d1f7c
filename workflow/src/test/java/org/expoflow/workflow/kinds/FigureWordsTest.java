package org.expoflow.workflow.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.expoflow.commands.api.Figure;
import org.expoflow.workflow.engine.StepForm;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The bundled kinds declare their figures as any uploaded kind does: each figure field carries the property
 * {@code figure} with its unit (the unit ExpoFlow always showed it in) and has its Chinese words in the kinds' texts,
 * so no figure needs a word in the pages' bundles.
 */
class FigureWordsTest {

    @Test
    void everyBundledKindDeclaresItsFiguresWithTheirUnitsAndChineseWords() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/directive-kinds/texts_zh.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> declared = new TreeMap<>();
        for (Resource kind : new PathMatchingResourcePatternResolver().getResources("classpath*:directive-kinds/*.bpmn")) {
            BpmnModelInstance model;
            try (InputStream in = kind.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            String kindKey = model.getModelElementsByType(Process.class).iterator().next().getId();
            for (UserTask step : model.getModelElementsByType(UserTask.class)) {
                for (StepForm.Field field : StepForm.of(step).figures()) {
                    assertThat(declaredUnit(step, field.id())).as(kindKey + " declares " + field.id())
                            .isEqualTo(field.figureUnit());
                    assertThat(texts.getProperty("kind." + kindKey + ".field." + field.id())).as(kindKey + " names " + field.id())
                            .isNotBlank();
                    declared.put(field.id(), field.figureUnit());
                }
            }
        }
        Map<String, String> knownBefore = new TreeMap<>();
        Figure.KNOWN_BEFORE_KINDS_TOLD.values().forEach(figure -> knownBefore.put(figure.key(), figure.unit()));
        assertThat(declared).as("the bundled kinds declare the figures known before, in the same units").isEqualTo(knownBefore);
    }

    private static String declaredUnit(UserTask step, String fieldId) {
        CamundaFormField field = step.getExtensionElements().getElementsQuery().filterByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData.class).singleResult().getCamundaFormFields()
                .stream().filter(formField -> formField.getCamundaId().equals(fieldId)).findFirst().orElseThrow();
        return field.getCamundaProperties() == null ? null : field.getCamundaProperties().getCamundaProperties().stream()
                .filter(property -> StepForm.FIGURE.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }
}
