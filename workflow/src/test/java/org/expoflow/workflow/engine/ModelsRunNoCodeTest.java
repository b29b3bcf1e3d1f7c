package org.expoflow.workflow.engine;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A model is data, never code: whoever deploys it and on whichever path, a BPMN file that would run Java
 * is refused naming its element, and an expression that runs anyway reaches only variables and the
 * deadline delegates.
 */
@ExpoFlowTest
class ModelsRunNoCodeTest {

    /** The probe of the trust review: a service step that reads a system property by reflection. */
    private static final String REFLECTION = "${execution.setVariable('jv', ''.getClass().forName('java.lang.System')"
            + ".getMethod('getProperty', ''.getClass()).invoke(null, 'java.version'))}";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    private static String kind(String key, String serviceStep) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="http://expoflow.org/probe">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
                    <startEvent id="received"/>
                    <sequenceFlow id="toProbe" sourceRef="received" targetRef="probeStep"/>
                    %s
                    <sequenceFlow id="toReport" sourceRef="probeStep" targetRef="reportActivity"/>
                    <userTask id="reportActivity" camunda:candidateGroups="${unitId}"/>
                    <sequenceFlow id="toDone" sourceRef="reportActivity" targetRef="done"/>
                    <endEvent id="done"/>
                  </process>
                </definitions>
                """.formatted(key, serviceStep);
    }

    private int deploy(String path, String user, String field, String key, String serviceStep, StringBuilder body) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(field, new ByteArrayResource(kind(key, serviceStep).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        });
        form.add("deployment-name", key);
        return TestClients.rest("http://localhost:" + port).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((request, response) -> {
                    body.append(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                    return response.getStatusCode().value();
                });
    }

    private long deployedVersions(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "reflection in an expression | <serviceTask id='probeStep' camunda:expression=\"" + REFLECTION + "\"/>",
            "a Java class | <serviceTask id='probeStep' camunda:class='org.expoflow.Probe'/>",
            "a bean that is no deadline delegate | <serviceTask id='probeStep' camunda:delegateExpression='${runtimeService}'/>",
            "a missing delegate | <serviceTask id='probeStep' camunda:delegateExpression='${noSuchDelegate}'/>",
            "a listener class | <serviceTask id='probeStep' camunda:delegateExpression='${taskDueSoon}'><extensionElements>"
                    + "<camunda:executionListener event='start' class='org.expoflow.Probe'/></extensionElements></serviceTask>",
            "a script listener | <serviceTask id='probeStep' camunda:delegateExpression='${taskDueSoon}'><extensionElements>"
                    + "<camunda:executionListener event='start'><camunda:script scriptFormat='javascript'>1</camunda:script>"
                    + "</camunda:executionListener></extensionElements></serviceTask>",
            "a connector | <serviceTask id='probeStep'><extensionElements><camunda:connector>"
                    + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></extensionElements></serviceTask>",
            "a method call in an input | <serviceTask id='probeStep' camunda:delegateExpression='${taskDueSoon}'><extensionElements>"
                    + "<camunda:inputOutput><camunda:inputParameter name='x'>${unitId.getClass()}</camunda:inputParameter>"
                    + "</camunda:inputOutput></extensionElements></serviceTask>"})
    void aKindThatWouldRunCodeIsRefusedOnEveryDeploymentPathNamingTheElement(String what, String serviceStep) {
        String key = "probe-" + Integer.toHexString(what.hashCode());
        for (String[] path : new String[][] {{"/api/directive-kinds", "file"}, {"/engine-rest/deployment/create", "data"},
                {"/engine-rest/engine/default/deployment/create", "data"}}) {
            StringBuilder body = new StringBuilder();
            assertThat(deploy(path[0], "admin", path[1], key, serviceStep, body)).as(what + " via " + path[0] + ": " + body)
                    .isEqualTo(400);
            assertThat(body.toString()).as(path[0]).contains("probeStep");
        }
        // auto-deployment deploys through the repository service, as this does
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                .addString(key + ".bpmn", kind(key, serviceStep)).deploy()).hasMessageContaining("probeStep");
        assertThat(deployedVersions(key)).isZero();
    }

    @Test
    void aCoordinatorDeploysNothingWhateverTheEngineNameInThePath() {
        for (String path : new String[] {"/engine-rest/deployment/create", "/engine-rest/engine/default/deployment/create"}) {
            StringBuilder body = new StringBuilder();
            assertThat(deploy(path, "coordinator", "data", "probe-coordinator", "<serviceTask id='probeStep'/>", body))
                    .as(path).isEqualTo(403);
        }
        assertThat(deployedVersions("probe-coordinator")).isZero();
    }

    @Test
    void aDeploymentHoldsNoCaseModelDecisionTableScriptOrHtml() {
        for (String resource : new String[] {"probe.cmmn", "probe.dmn", "probe.groovy", "probe-form.html"}) {
            assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().addString(resource, "<x/>").deploy())
                    .as(resource).hasMessageContaining(resource);
        }
    }

    @Test
    void aKindThatReadsVariablesAndUsesTheDeadlineDelegatesIsDeployed() {
        String key = "probe-allowed";
        StringBuilder body = new StringBuilder();
        String reads = "<serviceTask id='probeStep' camunda:delegateExpression='${taskDueSoon}'><extensionElements>"
                + "<camunda:inputOutput><camunda:inputParameter name='late'>${execution.getVariable('dueAt') != null"
                + " &amp;&amp; unitId == 'shenyang'}</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>";
        assertThat(deploy("/engine-rest/deployment/create", "admin", "data", key, reads, body)).as(body.toString()).isEqualTo(200);
        assertThat(deployedVersions(key)).isEqualTo(1);
        engine.getRepositoryService().deleteDeployment(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getDeploymentId());
    }

    @Test
    void anExpressionThatRunsReachesOnlyVariablesAndTheDeadlineDelegates() {
        VariableScope variables = variables(Map.of("unitId", "shenyang", "figures", Map.of("buyersInvited", 300L)));

        assertThat(evaluate("${unitId == 'shenyang' && figures.buyersInvited > 200}", variables)).isEqualTo(true);
        assertThat(evaluate("${taskDueSoon}", variables)).isInstanceOf(JavaDelegate.class);
        for (String reach : new String[] {"${''.getClass()}", "${unitId.getClass().forName('java.lang.Runtime')}",
                "${unitId.class}", "${unitId.bytes}", "${figures.getClass()}"}) {
            assertThatThrownBy(() -> evaluate(reach, variables)).as(reach).isNotNull();
        }
        for (String bean : new String[] {"${runtimeService}", "${processEngine}", "${dataSource}", "${environment}"}) {
            assertThatThrownBy(() -> evaluate(bean, variables)).as(bean).hasMessageContaining("Unknown property");
        }
    }

    private Object evaluate(String expression, VariableScope variables) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(commandContext ->
                configuration.getExpressionManager().createExpression(expression).getValue(variables));
    }

    private static VariableScope variables(Map<String, Object> values) {
        return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(), new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hasVariable" -> values.containsKey((String) args[0]);
                    case "getVariable" -> values.get((String) args[0]);
                    case "toString" -> "variables " + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
