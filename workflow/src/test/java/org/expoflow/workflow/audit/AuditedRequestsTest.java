package org.expoflow.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests the audit log keeps, whichever door they come through, and which it leaves to others or out. */
class AuditedRequestsTest {

    private static String actionOf(String method, String path, String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        for (int i = 0; i < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        return AuditedRequests.actionOf(request);
    }

    @Test
    void attachmentsOpenedAndExportsAreKeptOnTheApiAndThePages() {
        assertThat(actionOf("GET", "/api/tasks/t1/attachments/a1")).isEqualTo(AuditActions.ATTACHMENT_OPENED);
        assertThat(actionOf("GET", "/tasks/t1/attachments/a1")).isEqualTo(AuditActions.ATTACHMENT_OPENED);
        assertThat(actionOf("GET", "/tasks", "format", "xlsx")).isEqualTo(AuditActions.EXPORTED);
        assertThat(actionOf("GET", "/board/e1/overdue.xlsx")).isEqualTo(AuditActions.EXPORTED);
        assertThat(actionOf("GET", "/meetings/m1/brief.pdf")).isEqualTo(AuditActions.EXPORTED);
        assertThat(actionOf("GET", "/api/meetings/m1/brief")).isEqualTo(AuditActions.EXPORTED);
        assertThat(actionOf("GET", "/board/e1/ranking/notice")).as("a PDF when no format is asked for")
                .isEqualTo(AuditActions.EXPORTED);
        assertThat(actionOf("GET", "/board/e1/ranking/notice", "month", "2030-03")).isEqualTo(AuditActions.EXPORTED);
        assertThat(actionOf("GET", "/board/e1/ranking/notice", "format", "docx")).isEqualTo(AuditActions.EXPORTED);
        assertThat(actionOf("GET", "/api/audit", "format", "xlsx")).as("the auditor's export is kept by its service, with its filter")
                .isNull();
    }

    @Test
    void theAdministratorsChangesAreKeptByWhatTheyChange() {
        assertThat(actionOf("POST", "/api/admin/units")).isEqualTo(AuditActions.UNIT_CHANGED);
        assertThat(actionOf("PUT", "/api/admin/units/shenyang/webhook")).isEqualTo(AuditActions.ROBOT_CHANGED);
        assertThat(actionOf("POST", "/api/directive-kinds")).isEqualTo(AuditActions.KIND_DEPLOYED);
        assertThat(actionOf("POST", "/engine-rest/deployment/create")).isEqualTo(AuditActions.KIND_DEPLOYED);
        assertThat(actionOf("POST", "/engine-rest/engine/default/deployment/create")).isEqualTo(AuditActions.KIND_DEPLOYED);
        assertThat(actionOf("POST", "/api/admin/projections/task-list/rebuild")).isEqualTo(AuditActions.READ_MODEL_REBUILT);
        assertThat(actionOf("POST", "/admin/read-models/task-list/rebuild")).isEqualTo(AuditActions.READ_MODEL_REBUILT);
        assertThat(actionOf("POST", "/admin/units")).isEqualTo(AuditActions.UNIT_CHANGED);
        assertThat(actionOf("POST", "/admin/robots/dalian/test")).isEqualTo(AuditActions.ROBOT_CHANGED);
        assertThat(actionOf("PUT", "/engine-rest/job/j1/retries")).isEqualTo(AuditActions.SYSTEM_CHANGED);
    }

    @Test
    void readsTheUsersAndTheOfficesWorkAreNotKeptHere() {
        assertThat(actionOf("GET", "/api/admin/projections")).isNull();
        assertThat(actionOf("GET", "/admin/units")).isNull();
        assertThat(actionOf("POST", "/engine-rest/job/count")).as("Cockpit's query").isNull();
        assertThat(actionOf("POST", "/api/admin/users")).as("kept by the users' service, with what changed").isNull();
        assertThat(actionOf("POST", "/admin/users/x/password")).isNull();
        assertThat(actionOf("POST", "/api/tasks/t1/complete")).as("an event records it").isNull();
    }
}
