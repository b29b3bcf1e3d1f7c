package org.expoflow.workflow.engine;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine runs what directive kinds need and nothing more. */
@ExpoFlowTest
class EngineHardeningTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void aDirectiveKindWithAScriptIsRefusedAtDeploymentNamingTheElement() {
        BpmnModelInstance scripted = Bpmn.createExecutableProcess("scripted-kind").camundaHistoryTimeToLive(30)
                .startEvent("received").scriptTask("runSomething").scriptFormat("javascript").scriptText("1 + 1")
                .endEvent("done").done();

        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                .addModelInstance("scripted-kind.bpmn", scripted).deploy())
                .hasMessageContaining("runSomething").hasMessageContaining("no scripts");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("scripted-kind").count())
                .isZero();
    }

    @Test
    void variablesAreNeitherJavaSerialisedNorDeserialisedWithoutTypeValidation() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    }
}
