package org.expoflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * A kind is data by allow-list: every attribute and extension element the Camunda model API defines in its
 * namespace (read from the model API's own constants, so one a later engine adds is covered too) is either
 * on {@link ModelAllowList}, and then used by a trial kind that is deployed and run to its end, or refused
 * on every door, naming the element's id and the attribute, with nothing deployed.
 */
@ExpoFlowTest
class ModelAllowListTest {

    /** The elements a camunda: attribute is tried on. */
    private static final List<String> HOSTS = List.of("process", "startEvent", "userTask", "serviceTask", "sequenceFlow",
            "exclusiveGateway", "boundaryEvent");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyCamundaAttributeIsOnTheListAndUsedByAKindThatRunsOrRefusedOnEveryDoorNamingIt() throws Exception {
        Document trial = trialKind();
        List<String> wrong = new ArrayList<>();
        for (String attribute : modelApiConstants("CAMUNDA_ATTRIBUTE_")) {
            QName name = ModelAllowList.camunda(attribute);
            for (String host : HOSTS) {
                if (ModelAllowList.allowsAttribute(ModelAllowList.bpmn(host), name)) {
                    if (!carries(trial, ModelAllowList.bpmn(host), name)) {
                        wrong.add("camunda:" + attribute + " is allowed on " + host + " but the trial kind does not use it there");
                    }
                    continue;
                }
                String key = "attribute-" + attribute.toLowerCase() + "-on-" + host.toLowerCase();
                String refusal = refusalThroughTheRepository(key, probe(key, host, " camunda:" + attribute + "=\"probe\"", ""));
                if (refusal == null || !refusal.contains(idOf(key, host)) || !refusal.contains("camunda:" + attribute)) {
                    wrong.add("camunda:" + attribute + " on " + host + " through the repository service: " + refusal);
                }
            }
            if (!ModelAllowList.allowsAttribute(ModelAllowList.bpmn("userTask"), name)) {
                String key = "attribute-" + attribute.toLowerCase() + "-through-the-doors";
                wrong.addAll(refusedOnEveryDoor(key, probe(key, "userTask", " camunda:" + attribute + "=\"probe\"", ""),
                        "probeStep", "camunda:" + attribute));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCamundaExtensionElementIsOnTheListAndUsedByAKindThatRunsOrRefusedOnEveryDoorNamingIt() throws Exception {
        Document trial = trialKind();
        List<String> wrong = new ArrayList<>();
        for (String element : modelApiConstants("CAMUNDA_ELEMENT_")) {
            QName name = ModelAllowList.camunda(element);
            if (ModelAllowList.allowsElement(name)) {
                if (trial.getElementsByTagNameNS(ModelAllowList.CAMUNDA, element).getLength() == 0) {
                    wrong.add("camunda:" + element + " is allowed but the trial kind does not use it");
                }
                continue;
            }
            String key = "element-" + element.toLowerCase();
            String extension = "<extensionElements><camunda:" + element + "/></extensionElements>";
            String refusal = refusalThroughTheRepository(key, probe(key, "userTask", "", extension));
            if (refusal == null || !refusal.contains("probeStep") || !refusal.contains("camunda:" + element)) {
                wrong.add("camunda:" + element + " through the repository service: " + refusal);
            }
            wrong.addAll(refusedOnEveryDoor(key + "-doors", probe(key + "-doors", "userTask", "", extension),
                    "probeStep", "camunda:" + element));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aKindThatUsesEverythingOnTheListIsDeployedAndRunsToItsEnd() throws Exception {
        Document trial = trialKind();
        for (QName element : ModelAllowList.elements()) {
            assertThat(trial.getElementsByTagNameNS(element.getNamespaceURI(), element.getLocalPart()).getLength())
                    .as("the trial kind uses " + element).isPositive();
        }
        DeploymentDoors.Answer uploaded = DeploymentDoors.UPLOAD.deploy(port, "admin", "allow-list-trial.bpmn", trialKindText());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        ExpoFlowClient yingkou = ExpoFlowClient.as("http://localhost:" + port, "yingkou");
        String expoId = OsakaFixture.osakaWith(coordinator, "yingkou");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "allow-list-trial",
                "title", "Report the buyers", "dueOn", "2030-02-01", "unitIds", List.of("yingkou"))).field("id");
        String draft = OsakaFixture.firstActiveTask(yingkou, directiveId);
        assertThat(yingkou.get("/api/tasks/{t}", draft).field("stepKey")).isEqualTo("draftReport");
        // dueBeforeDeadline P1D: a day before the directive's deadline
        assertThat(yingkou.get("/api/tasks/{t}", draft).field("dueAt")).startsWith("2030-01-3");

        assertThat(yingkou.post("/api/tasks/{t}/complete", map("values", map("summary", "Kansai buyers", "channel", "fair"),
                "figures", map("buyersInvited", 40)), draft).status().value()).isEqualTo(204);
        String review = coordinator.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items").get(0)
                .path("id").asText();
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "APPROVE"), review).status().value()).isEqualTo(204);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("allow-list-trial").count())
                .as("the trial's process ran to its end").isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("allow-list-trial")
                .completed().count()).isEqualTo(1);
    }

    @Test
    void aServiceStepThatWouldRunAShellCommandIsRefusedOnEveryDoorAndNothingIsDeployed() {
        String shell = "<serviceTask id='probeStep' camunda:type='shell'><extensionElements><camunda:field name='command'>"
                + "<camunda:string>/usr/bin/id</camunda:string></camunda:field></extensionElements></serviceTask>";
        String key = "shell-probe";
        String bpmn = probe(key, "none", "", "").replace("<userTask id='probeStep' camunda:candidateGroups='${unitId}'/>", shell);
        assertThat(refusedOnEveryDoor(key, bpmn, "probeStep", "camunda:type")).isEmpty();
        assertThat(refusalThroughTheRepository(key, bpmn)).contains("probeStep").contains("camunda:type");
    }

    @Test
    void aClassNamedInAModelIsNeverLoadedAndARefusedUploadLeavesNoThreadClassOrDeploymentBehind() {
        long timersBefore = timerThreads();
        long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
        for (String handler : List.of("java.util.Timer", ParseProbe.class.getName())) {
            for (String host : List.of("userTask", "startEvent")) {
                String key = "form-handler-on-" + host.toLowerCase();
                String bpmn = probe(key, host, " camunda:formHandlerClass=\"" + handler + "\"", "");
                assertThat(refusedOnEveryDoor(key, bpmn, idOf(key, host), "camunda:formHandlerClass")).isEmpty();
                assertThat(refusalThroughTheRepository(key, bpmn)).contains(idOf(key, host)).contains("camunda:formHandlerClass");
            }
        }
        assertThat(timerThreads()).as("threads a parsed java.util.Timer would have started").isEqualTo(timersBefore);
        assertThat(ParseProbeWitness.LOADED).as("the probe class was loaded").isFalse();
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    @Test
    void aStoredDeploymentRedeployedIsHeldAgainstTheListToo() {
        // a deployment stored before the list existed, written as the engine writes one
        String deploymentId = "legacy-" + java.util.UUID.randomUUID();
        String bpmn = probe("legacy-shell", "userTask", " camunda:assignee=\"${unitId}\"", "");
        jdbc.update("insert into ACT_RE_DEPLOYMENT (ID_, NAME_, DEPLOY_TIME_) values (?, ?, current_timestamp)",
                deploymentId, "legacy");
        jdbc.update("insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, DEPLOYMENT_ID_, BYTES_, GENERATED_, TYPE_)"
                + " values (?, 1, ?, ?, ?, false, 1)", deploymentId + "-bpmn", "legacy-shell.bpmn", deploymentId,
                bpmn.getBytes(StandardCharsets.UTF_8));
        try {
            for (String path : List.of("/engine-rest/deployment/" + deploymentId + "/redeploy",
                    "/engine-rest/engine/default/deployment/" + deploymentId + "/redeploy",
                    "/camunda/api/engine/engine/default/deployment/" + deploymentId + "/redeploy")) {
                DeploymentDoors.Answer answer = DeploymentDoors.send(port, "admin", "POST", path, null, "{}");
                assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
                assertThat(answer.body()).contains("probeStep").contains("camunda:assignee");
            }
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("legacy-shell").count())
                    .isZero();
        } finally {
            jdbc.update("delete from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ = ?", deploymentId);
            jdbc.update("delete from ACT_RE_DEPLOYMENT where ID_ = ?", deploymentId);
        }
    }

    @Test
    void aModelNestedDeeperThanAnyKindIsRefusedOnEveryDoorNotAFailure() {
        int depth = 20_000;
        String deep = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"deepModel\" targetNamespace=\"x\">"
                + "<text>".repeat(depth) + "</text>".repeat(depth) + "</definitions>";
        assertThat(refusedOnEveryDoor("deep-model", deep, "deepModel", String.valueOf(KindModelCheck.MAX_DEPTH))).isEmpty();
    }

    @Test
    void theDurationsAKindDeclaresAreReadAtDeploymentAndWithinAYear() {
        for (String[] declared : new String[][] {{"dueWithin", "P3650000D"}, {"dueWithin", "-P400000D"}, {"dueWithin", "xyz"},
                {"dueBeforeDeadline", "P999999999D"}, {"escalateAfter", "P2Y"}, {"remindBefore", "P7D,soon"}}) {
            String key = "duration-" + declared[0].toLowerCase() + "-" + Integer.toHexString(declared[1].hashCode());
            String properties = "<extensionElements><camunda:properties><camunda:property name='" + declared[0] + "' value='"
                    + declared[1] + "'/></camunda:properties></extensionElements>";
            assertThat(refusedOnEveryDoor(key, probe(key, "userTask", "", properties), "probeStep", declared[0], declared[1]))
                    .as(declared[0] + "=" + declared[1]).isEmpty();
        }
        String key = "duration-in-range";
        String properties = "<extensionElements><camunda:properties><camunda:property name='dueWithin' value='P14D'/>"
                + "<camunda:property name='remindBefore' value='P7D,P1D'/></camunda:properties></extensionElements>";
        assertThat(refusalThroughTheRepository(key, probe(key, "userTask", "", properties))).isNull();
    }

    @Test
    void aTimerWrittenInTheModelIsWithinThePlanningYearsAndRepeatsAtMostHourly() {
        String[][] refused = {{"<timeDuration>P30D</timeDuration>", "<timeDuration>P99999D</timeDuration>", "P99999D"},
                {"<timeDuration>P30D</timeDuration>", "<timeCycle>R/PT1S</timeCycle>", "R/PT1S"},
                {"<timeDuration>P30D</timeDuration>", "<timeCycle>0/1 * * * * ?</timeCycle>", "0/1 * * * * ?"},
                {"<timeDuration>P30D</timeDuration>", "<timeDate>9999-12-31T00:00:00Z</timeDate>", "9999-12-31T00:00:00Z"}};
        for (String[] timer : refused) {
            String key = "timer-" + Integer.toHexString(timer[2].hashCode());
            assertThat(refusedOnEveryDoor(key, probe(key, "none", "", "").replace(timer[0], timer[1]), "longOpen", timer[2]))
                    .as(timer[2]).isEmpty();
        }
        String dueDate = "due-date-9999";
        assertThat(refusedOnEveryDoor(dueDate, probe(dueDate, "userTask", " camunda:dueDate=\"9999-12-31T00:00:00Z\"", ""),
                "probeStep", "camunda:dueDate")).isEmpty();
        String hourly = "timer-hourly";
        assertThat(refusalThroughTheRepository(hourly, probe(hourly, "none", "", "")
                .replace("<timeDuration>P30D</timeDuration>", "<timeCycle>R/PT1H</timeCycle>"))).isNull();
    }

    @Test
    void aStepsDocumentationIsTextForPeopleNeverEvaluated() throws Exception {
        String documented = trialKindText().replace("allow-list-trial", "documented-trial")
                .replace("<bpmn:documentation>Report the buyers invited and how.</bpmn:documentation>",
                        "<bpmn:documentation>For ${unitId}: ${execution.getVariable('directiveId')}</bpmn:documentation>");
        DeploymentDoors.Answer uploaded = DeploymentDoors.UPLOAD.deploy(port, "admin", "documented-trial.bpmn", documented);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = coordinator.post("/api/directives", map("expoId", OsakaFixture.osakaWith(coordinator, "fuxin"),
                "kind", "documented-trial", "title", "Report", "dueOn", "2030-02-01", "unitIds", List.of("fuxin"))).field("id");
        String step = OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "fuxin"), directiveId);
        assertThat(engine.getTaskService().createTaskQuery().taskId(step).singleResult().getDescription())
                .isEqualTo("For ${unitId}: ${execution.getVariable('directiveId')}");
    }

    private static long timerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("Timer-")).count();
    }

    /** The attribute names or element names the model API defines in the camunda: namespace. */
    private static List<String> modelApiConstants(String prefix) throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field field : BpmnModelConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith(prefix)) {
                names.add((String) field.get(null));
            }
        }
        assertThat(names).as(prefix).hasSizeGreaterThan(15);
        return names.stream().sorted().toList();
    }

    /**
     * A kind of three steps whose {@code host} element carries {@code attributes} and {@code children}; a
     * service task stands where a user task would for that host.
     */
    static String probe(String key, String host, String attributes, String children) {
        String processAttributes = host.equals("process") ? attributes : "";
        String step = switch (host) {
            case "serviceTask" -> "<serviceTask id='probeStep' camunda:delegateExpression='${taskDueSoon}'" + attributes + ">"
                    + children + "</serviceTask>";
            case "userTask" -> "<userTask id='probeStep' camunda:candidateGroups='${unitId}'" + attributes + ">" + children
                    + "</userTask>";
            default -> "<userTask id='probeStep' camunda:candidateGroups='${unitId}'/>";
        };
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="http://expoflow.org/probe">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="30"%s>
                    <startEvent id="received"%s/>
                    <sequenceFlow id="toProbe" sourceRef="received" targetRef="probeStep"%s/>
                    %s
                    <boundaryEvent id="longOpen" attachedToRef="probeStep" cancelActivity="false"%s>
                      <timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="toChoice" sourceRef="probeStep" targetRef="choice"/>
                    <exclusiveGateway id="choice"%s/>
                    <sequenceFlow id="toDone" sourceRef="choice" targetRef="done"/>
                    <endEvent id="done"/>
                  </process>
                </definitions>
                """.formatted(key, processAttributes, on(host, "startEvent", attributes), on(host, "sequenceFlow", attributes),
                step, on(host, "boundaryEvent", attributes), on(host, "exclusiveGateway", attributes));
    }

    private static String on(String host, String element, String attributes) {
        return host.equals(element) ? attributes : "";
    }

    /** The id {@link #probe} gives its host element. */
    private static String idOf(String key, String host) {
        return switch (host) {
            case "process" -> key;
            case "startEvent" -> "received";
            case "sequenceFlow" -> "toProbe";
            case "boundaryEvent" -> "longOpen";
            case "exclusiveGateway" -> "choice";
            default -> "probeStep";
        };
    }

    /** The refusal's message, or null when the repository service deployed it (and then it is taken away again). */
    private String refusalThroughTheRepository(String key, String bpmn) {
        try {
            var deployment = engine.getRepositoryService().createDeployment().addString(key + ".bpmn", bpmn).deploy();
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
            return null;
        } catch (RuntimeException refused) {
            return refused.getMessage();
        }
    }

    /** What went wrong on each door: each must answer 400 naming the element and what it carries, and deploy nothing. */
    List<String> refusedOnEveryDoor(String key, String bpmn, String... named) {
        List<String> wrong = new ArrayList<>();
        for (DeploymentDoors door : DeploymentDoors.values()) {
            DeploymentDoors.Answer answer = door.deploy(port, "admin", key + ".bpmn", bpmn);
            if (answer.status() != 400 || Stream.of(named).anyMatch(name -> !answer.body().contains(name))) {
                wrong.add(key + " through " + door + ": " + answer.status() + " " + answer.body());
            }
        }
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() > 0) {
            wrong.add(key + " was deployed");
        }
        return wrong;
    }

    private static boolean carries(Document kind, QName element, QName attribute) {
        NodeList elements = kind.getElementsByTagNameNS(element.getNamespaceURI(), element.getLocalPart());
        for (int i = 0; i < elements.getLength(); i++) {
            NamedNodeMap attributes = elements.item(i).getAttributes();
            if (attributes.getNamedItemNS(attribute.getNamespaceURI(), attribute.getLocalPart()) != null) {
                return true;
            }
        }
        return false;
    }

    static String trialKindText() throws IOException {
        return new String(new ClassPathResource("kinds/allow-list-trial.bpmn").getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Document trialKind() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(trialKindText().getBytes(StandardCharsets.UTF_8)));
    }
}
