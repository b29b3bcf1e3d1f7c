package org.expoflow.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.engine.DeploymentDoors;
import org.expoflow.workflow.engine.DeploymentDoors.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' copy of the engine's API is no wider than {@code /engine-rest}: an administrator signed in to
 * Cockpit reads everything (Cockpit's own queries included), but changes no step, variable, user or
 * authorization there, whatever token the webapps' pages carry.
 */
@ExpoFlowTest
class WebappsEngineApiTest {

    private static final String ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    private Answer asAdmin(String method, String path, String json) {
        return DeploymentDoors.send(port, "admin", method, path, null, json);
    }

    @Test
    void cockpitReadsThroughTheWebappsEngineApiWithItsToken() {
        assertThat(asAdmin("GET", "/camunda/app/cockpit/default/", null).status()).isEqualTo(200);
        assertThat(asAdmin("GET", "/camunda/api/engine/engine/", null).status()).isEqualTo(200);
        assertThat(asAdmin("GET", ENGINE + "/process-definition/count", null).status()).isEqualTo(200);
        Answer query = asAdmin("POST", ENGINE + "/task?maxResults=5", "{\"candidateGroup\":\"coordinator\"}");
        assertThat(query.status()).as(query.body()).isEqualTo(200);
        assertThat(asAdmin("POST", ENGINE + "/history/process-instance/count", "{}").status()).isEqualTo(200);
    }

    @Test
    void theWebappsEngineApiIsTheAdministratorsAlone() {
        for (String user : new String[] {"coordinator", "leader", "shenyang"}) {
            assertThat(DeploymentDoors.send(port, user, "GET", ENGINE + "/task", null, null).status()).as(user).isEqualTo(403);
        }
        assertThat(asAdmin("GET", ENGINE + "/task", null).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorChangesNoStepVariableUserOrAuthorizationThroughTheWebapps() {
        Task step = engine.getTaskService().createTaskQuery().active().listPage(0, 1).get(0);
        Date due = step.getDueDate();

        Answer reDated = asAdmin("PUT", ENGINE + "/task/" + step.getId(), "{\"name\":\"x\",\"due\":\"2099-01-01T00:00:00.000+0000\"}");
        Answer user = asAdmin("POST", ENGINE + "/user/create",
                "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\"},\"credentials\":{\"password\":\"mallory-1234\"}}");
        Answer variable = asAdmin("PUT", ENGINE + "/process-instance/" + step.getProcessInstanceId() + "/variables/probeVariable",
                "{\"value\":\"dalian\",\"type\":\"String\"}");
        Answer grant = asAdmin("POST", ENGINE + "/authorization/create",
                "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"coordinator\",\"resourceType\":0,\"resourceId\":\"*\"}");
        Answer setUp = asAdmin("POST", "/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"eve\",\"firstName\":\"E\"},\"credentials\":{\"password\":\"eve-12345678\"}}");

        for (Answer refused : new Answer[] {reDated, user, variable, grant, setUp}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }
        Task after = engine.getTaskService().createTaskQuery().taskId(step.getId()).singleResult();
        assertThat(after.getDueDate()).isEqualTo(due);
        assertThat(after.getName()).isEqualTo(step.getName());
        assertThat(engine.getIdentityService().createUserQuery().userIdIn("mallory", "eve").count()).isZero();
        assertThat(engine.getRuntimeService().getVariable(step.getProcessInstanceId(), "probeVariable")).isNull();
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn("coordinator").count()).isZero();
    }
}
