package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Instant;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/** A clerk whose address ADMIN has set gets the unit's news by e-mail too, in Chinese; a bad address is refused. */
@ExpoFlowTest
class MailedNoticesTest {

    @LocalServerPort
    int port;

    @Autowired
    Deliveries deliveries;

    private GreenMail smtp;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @BeforeEach
    void smtpServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
    }

    @AfterEach
    void stop() {
        as("security").put("/api/admin/users/{u}/email", map("email", ""), "anshan");
        smtp.stop();
    }

    @Test
    void aStepGivenToTheUnitIsMailedToItsClerk() throws Exception {
        assertThat(as("security").put("/api/admin/users/{u}/email", map("email", "clerk@anshan.example"), "anshan")
                .status().value()).isEqualTo(204);
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "anshan"), "anshan");
        String taskId = OsakaFixture.firstActiveTask(as("anshan"), directiveId);

        deliveries.dispatchDue(Instant.now().plusSeconds(1));

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("clerk@anshan.example");
        assertThat(mails[0].getSubject()).isEqualTo("ExpoFlow 督办提醒");
        assertThat(mails[0].getContent().toString()).contains("鞍山市").contains("新任务").contains("拟定邀请名单");
        assertThat(as("admin").get("/api/admin/notifications/deliveries?state=SENT").body().findValuesAsText("target"))
                .contains("clerk@anshan.example");
        assertThat(as("anshan").get("/api/inbox").body().findValuesAsText("taskId")).as("and in the inbox").contains(taskId);
    }

    @Test
    void anAddressThatIsNoEmailIsRefusedNamingIt() {
        ExpoFlowClient.Answer refused = as("security").put("/api/admin/users/{u}/email", map("email", "not an address"), "anshan");
        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.field("field")).isEqualTo("email");
        assertThat(as("security").put("/api/admin/users/{u}/email", map("email", "x@y.example"), "nobody").status().value())
                .isEqualTo(404);
    }
}
