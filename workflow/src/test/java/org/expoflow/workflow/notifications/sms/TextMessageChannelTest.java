package org.expoflow.workflow.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Instant;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.notifications.Deliveries;
import org.expoflow.workflow.notifications.NoticeChannel.Message;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A channel added as one bean with its settings (here, text messages to a clerk's phone) gets the notices routed
 * to it, with no change to the policy, the outbox or the deliveries: recorded under its key with the event, then
 * handed to it and recorded sent.
 */
@ExpoFlowTest
class TextMessageChannelTest {

    /** The clerk whose phone {@link ExpoFlowTest} gives the channel; made by the test, so the demo's news never reaches it. */
    private static final String CLERK = ExpoFlowTest.TEXTED_CLERK;

    @LocalServerPort
    int port;

    @Autowired
    TextMessageChannel texts;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @AfterEach
    void clerkGone() {
        jdbc.update("delete from expoflow_user where username = ?", CLERK);
    }

    @Test
    void aStepGivenToTheUnitReachesItsClerksPhone() {
        assertThat(as("security").post("/api/admin/users", map("username", CLERK, "password", "texted-clerk-1", "role", "CITY",
                "unitId", "liaoyang", "displayName", "辽阳市 短信联系人")).status().value()).isEqualTo(201);
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "liaoyang"),
                "liaoyang");
        String taskId = OsakaFixture.firstActiveTask(as("liaoyang"), directiveId);
        assertThat(texts.sent()).as("sent after commit, not with the event").isEmpty();

        deliveries.dispatchDue(Instant.now().plusSeconds(1));

        assertThat(texts.sent()).extracting(Message::address, Message::unitId, Message::notice, Message::taskId)
                .containsExactly(tuple("13800000000", "liaoyang", "NEW_STEP", taskId));
        assertThat(jdbc.queryForList("select state from notification_delivery where channel = 'SMS' and task_id = ?",
                String.class, taskId)).containsExactly("SENT");
    }
}
