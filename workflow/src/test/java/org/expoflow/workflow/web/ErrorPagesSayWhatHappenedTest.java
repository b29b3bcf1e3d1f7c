package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An error page says what happened, in the reader's language: a page of another role is not a page that is
 * missing, and neither is told that the page belongs to another role when it does not.
 */
@ExpoFlowTest
class ErrorPagesSayWhatHappenedTest {

    @LocalServerPort
    int port;

    @Test
    void aPageOfAnotherRoleSaysSo() throws Exception {
        PageSession clerk = PageSession.signedIn("http://localhost:" + port, "shenyang");

        String page = clerk.get("/console");

        assertThat(page).contains("无权访问此页面").contains("此页面不属于您的角色");
    }

    @Test
    void aMissingStepSaysItDoesNotExistNotThatItBelongsToAnotherRole() throws Exception {
        PageSession coordinator = PageSession.signedIn("http://localhost:" + port, "coordinator");

        assertThat(coordinator.status("/directives/no-such-directive")).isEqualTo(404);
        String page = coordinator.get("/directives/no-such-directive");

        assertThat(page).contains("页面不存在").contains("此页面不存在，或所指的事项已被删除")
                .doesNotContain("此页面不属于您的角色");
    }
}
