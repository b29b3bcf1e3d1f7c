package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step is never done without its news: when the inbox cannot take the notice of the unit's next step, the
 * completion that caused it fails and nothing of it is stored; tried again once the inbox takes notices, the step
 * is done and the clerk has the notice.
 */
@ExpoFlowTest
class NoticeNeverSkippedTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCompletionWhoseNoticeCannotBeWrittenFailsWhollyAndSucceedsWhenTriedAgain() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "tieling"), "tieling");
        ExpoFlowClient tieling = ExpoFlowClient.as("http://localhost:" + port, "tieling");
        String taskId = OsakaFixture.firstActiveTask(tieling, directiveId);
        List<String> before = new EventStoreProbe(jdbc).eventTypes(taskId);
        long events = new EventStoreProbe(jdbc).count();
        // the inbox refuses the clerk's next "new step" notice (the rows there already stay)
        jdbc.execute("alter table notification add constraint no_new_step_for_tieling"
                + " check (recipient <> 'tieling' or kind <> 'NEW_STEP') nocheck");
        ExpoFlowClient.Answer failed;
        try {
            failed = tieling.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 10)), taskId);
        } finally {
            jdbc.execute("alter table notification drop constraint no_new_step_for_tieling");
        }

        assertThat(failed.status().is2xxSuccessful()).as("the completion without its notice: " + failed.body()).isFalse();
        assertThat(new EventStoreProbe(jdbc).eventTypes(taskId)).isEqualTo(before);
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(events);
        assertThat(OsakaFixture.firstActiveTask(tieling, directiveId)).as("the step is still open").isEqualTo(taskId);

        assertThat(tieling.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 10)), taskId).status().value())
                .isEqualTo(204);
        String next = OsakaFixture.firstActiveTask(tieling, directiveId);
        assertThat(next).isNotEqualTo(taskId);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'tieling' and kind = 'NEW_STEP'"
                + " and task_id = ?", Integer.class, next)).isEqualTo(1);
    }
}
