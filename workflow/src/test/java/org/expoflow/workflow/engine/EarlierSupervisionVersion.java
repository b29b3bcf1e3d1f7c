package org.expoflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A database that ran the first supervision model (before grades, the reply optional) has chase-ups running on it.
 * Once a node starts, they follow today's: a 催办 opens no reply step and the office may chase up again; a 督办 opens
 * 回复督办, in Chinese, its reply required on the page and by the API. On the embedded database
 * ({@link EarlierSupervisionVersionTest}) and on PostgreSQL ({@link EarlierSupervisionVersionOnPostgresTest}).
 */
abstract class EarlierSupervisionVersion {

    /** Whether the grace period is seconds long here (the embedded tests' setting): then it is waited out first. */
    abstract boolean escalatesInSeconds();

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    SupervisionVersions versions;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void aChaseUpBegunOnTheFirstModelFollowsTodaysOnceANodeStarts() throws Exception {
        deploy("earlier-models/deadline-supervision-v1.bpmn");
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "chaoyang");
        String directiveId = as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "朝阳今晚前邀请采购商", "dueAt", Instant.now().plusSeconds(2).toString(),
                "unitIds", List.of("chaoyang"))).field("id");
        String step = OsakaFixture.firstActiveTask(as("chaoyang"), directiveId);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeStep(directiveId, "chaseUpUnit") != null);
        ProcessDefinition first = definitionOf(step);
        deploy("directive-kinds/deadline-supervision.bpmn");
        assertThat(first.getVersion()).as("begun on the first model, which a later one has replaced")
                .isLessThan(latestSupervision().getVersion());
        if (escalatesInSeconds()) {
            // no timer of the supervision fires while the office acts
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    as("coordinator").get("/api/tasks/{t}", step).body().path("escalatedAt").isTextual());
        }

        assertThat(versions.moveToLatest()).isGreaterThanOrEqualTo(1);
        assertThat(definitionOf(step).getId()).isEqualTo(latestSupervision().getId());

        assertThat(as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "请抓紧报送邀请名单", "grade", "URGE"), step)
                .status().value()).isEqualTo(204);
        assertThat(activeStep(directiveId, "acknowledgeChaseUp")).as("a reminder wants no reply").isNull();
        assertThat(activeStep(directiveId, "chaseUpUnit")).as("the office may chase up again").isNotNull();

        assertThat(as("coordinator").post("/api/tasks/{t}/chase-up", map("message", "逾期未报，予以督办", "grade", "SUPERVISE"), step)
                .status().value()).isEqualTo(204);
        JsonNode reply = activeStep(directiveId, "acknowledgeChaseUp");
        assertThat(reply).isNotNull();
        String page = PageSession.signedIn("http://localhost:" + port, "chaoyang").get("/tasks/" + reply.path("id").asText());
        assertThat(page).contains("<h1>回复督办</h1>").contains("回复内容（办理情况、预计完成时间） *")
                .containsPattern("<textarea id=\"value.reply\" name=\"value.reply\" rows=\"3\"[^>]*required=\"required\"");
        ExpoFlowClient.Answer empty = as("chaoyang").post("/api/tasks/{t}/complete", map("values", map()), reply.path("id").asText());
        assertThat(empty.status().value()).isEqualTo(400);
        assertThat(empty.field("field")).contains("reply");
    }

    private void deploy(String resource) {
        repositoryService.createDeployment().name("deadline-supervision").addClasspathResource(resource).deploy();
    }

    private ProcessDefinition latestSupervision() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(DeadlineSupervision.PROCESS_KEY)
                .latestVersion().singleResult();
    }

    private ProcessDefinition definitionOf(String step) {
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("supervision:" + step)
                .singleResult().getProcessDefinitionId();
        return repositoryService.getProcessDefinition(definitionId);
    }

    private JsonNode activeStep(String directiveId, String stepKey) {
        return StreamSupport.stream(as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body()
                        .path("items").spliterator(), false).filter(item -> item.path("stepKey").asText().equals(stepKey))
                .findFirst().orElse(null);
    }
}
