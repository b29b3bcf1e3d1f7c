package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person's page session follows what the security administrator does to them while they are signed in: given
 * another role, their next page is under it; disabled, their next page is the sign-in page saying their session has
 * ended, and the session opens nothing more.
 */
@ExpoFlowTest
class PageSessionInForceTest {

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aRoleChangedOrAnAccountDisabledHoldsForTheSessionAlreadyOpen() throws Exception {
        ExpoFlowClient security = ExpoFlowClient.as(base(), "security");
        assertThat(security.post("/api/admin/users", map("username", "liaoyang-clerk", "password", "Taizi-River-2030",
                "role", "CITY", "unitId", "liaoyang", "displayName", "辽阳市联络员")).status().value()).isEqualTo(201);
        assertThat(ExpoFlowClient.as(base(), "liaoyang-clerk", "Taizi-River-2030").put("/api/me/password",
                map("currentPassword", "Taizi-River-2030", "password", "Baita-Park-2031")).status().value()).isEqualTo(204);
        PageSession clerk = PageSession.signedIn(base(), "liaoyang-clerk", "Baita-Park-2031");
        assertThat(clerk.status("/console")).as("a clerk's session").isEqualTo(403);

        assertThat(security.put("/api/admin/users/liaoyang-clerk/role", map("role", "COORDINATOR")).status().is2xxSuccessful())
                .isTrue();
        assertThat(clerk.status("/console")).as("the same session, now the office's").isEqualTo(200);

        assertThat(security.put("/api/admin/users/liaoyang-clerk/enabled", map("enabled", false)).status().is2xxSuccessful())
                .isTrue();
        assertThat(clerk.get("/console")).as("the next page").contains("会话已结束").doesNotContain("id=\"issueForm\"");
        assertThat(clerk.get("/tasks")).as("and the session is gone").contains("name=\"password\"");
    }
}
