package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Group robots go out, never in: a robot's address is https to the robot hosts of WeCom and DingTalk, refused
 * naming {@code url} when it points at this server, its network or its cloud, and refused again when a
 * delivery resolves it, saying so and nothing of ports or connections.
 */
@ExpoFlowTest
class RobotsGoOutNeverInTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Deliveries deliveries;

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @AfterEach
    void noRobots() {
        jdbc.update("delete from unit_webhook");
    }

    @Test
    void anAddressInsideIsRefusedNamingTheUrlAndNothingIsWritten() {
        long events = new EventStoreProbe(jdbc).count();
        for (String url : List.of("http://127.0.0.1:5432/", "https://127.0.0.1:5432/", "http://169.254.169.254/latest/meta-data/",
                "https://169.254.169.254/", "http://[::1]/", "https://[::1]/", "http://0x7f000001/", "https://0x7f000001/",
                "https://2130706433/", "https://10.0.0.8/robot", "https://192.168.1.1/",
                "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "https://robot.example/hook",
                "https://user@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")) {
            ExpoFlowClient.Answer refused = as("admin").put("/api/admin/units/{u}/webhook", map("url", url), "fuxin");
            assertThat(refused.status().value()).as(url).isEqualTo(400);
            assertThat(refused.field("field")).as(url).isEqualTo("url");
        }
        assertThat(jdbc.queryForObject("select count(*) from unit_webhook", Integer.class)).isZero();
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(events);
    }

    @Test
    void theRobotsOfWeComAndDingTalkAreAllowed() {
        for (String url : List.of("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                "https://oapi.dingtalk.com/robot/send?access_token=t")) {
            assertThat(as("admin").put("/api/admin/units/{u}/webhook", map("url", url), "fuxin").status().value()).as(url)
                    .isEqualTo(204);
        }
    }

    @Test
    void aStoredAddressInsideIsRefusedWhenSentAndTheListSaysNothingOfPorts() {
        // as a robot set before addresses were checked
        jdbc.update("insert into unit_webhook (unit_id, url) values ('fuxin', 'http://127.0.0.1:5432/')");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "fuxin"), "fuxin");
        String taskId = OsakaFixture.firstActiveTask(as("fuxin"), directiveId);

        deliveries.dispatchDue(Instant.now().plusSeconds(1));
        JsonNode refused = as("admin").get("/api/admin/notifications/deliveries?state=FAILED").body();
        JsonNode delivery = null;
        for (JsonNode row : refused) {
            if (taskId.equals(row.path("taskId").asText()) && "WEBHOOK".equals(row.path("channel").asText())) {
                delivery = row;
            }
        }
        assertThat(delivery).as(refused.toString()).isNotNull();
        assertThat(delivery.path("lastError").asText()).isEqualTo("refused: address not allowed");
        assertThat(delivery.toString()).doesNotContainIgnoringCase("connect").doesNotContain("refused: connection");
    }

    @Test
    void aRobotHostThatResolvesInsideIsRefusedWhenSent() {
        RobotAddresses widened = new RobotAddresses(List.of("qyapi.weixin.qq.com", "localhost"), List.of());
        URI resolvesToLoopback = URI.create("https://localhost/cgi-bin/webhook/send?key=k");
        assertThat(widened.allowed(resolvesToLoopback)).as("named in the list").isTrue();
        assertThat(widened.reachable(resolvesToLoopback)).as("but resolved to loopback").isFalse();
        assertThat(new RobotAddresses(List.of("qyapi.weixin.qq.com"), List.of()).allowed(resolvesToLoopback))
                .as("not in the list by default").isFalse();
    }

    @Test
    void anIpv6AddressCarryingAnIpv4OneInsideIsNotPublic() throws Exception {
        for (String inside : List.of("64:ff9b::a00:1", "64:ff9b::7f00:1", "64:ff9b:1::a9fe:a9fe", "2002:a9fe:a9fe::1",
                "2002:c0a8:101::", "2002:7f00:1::", "::7f00:1", "::a00:8")) {
            assertThat(RobotAddresses.isPublic(InetAddress.getByName(inside))).as(inside).isFalse();
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        assertThat(RobotAddresses.isPublic(Inet6Address.getByAddress(null, mapped, -1))).as("::ffff:10.0.0.1").isFalse();
        for (String outside : List.of("64:ff9b::808:808", "2002:808:808::1", "2400:3200::1")) {
            assertThat(RobotAddresses.isPublic(InetAddress.getByName(outside))).as(outside).isTrue();
        }
    }

    @Test
    void aRobotHostThatResolvesOutsideWhenCheckedAndInsideWhenConnectedIsRefused() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        RobotAddresses rebinding = new RobotAddresses(List.of("qyapi.weixin.qq.com"), List.of(), host -> new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "203.0.113.7" : "127.0.0.1")});
        NoticeTexts texts = mock(NoticeTexts.class);
        when(texts.asSent(any())).thenReturn("请于今日报送");
        GroupRobotChannel channel = new GroupRobotChannel(jdbc, texts, new GroupRobotChannel.Settings(true, null), rebinding);

        NoticeChannel.DeliveryOutcome outcome = channel.deliver(new NoticeChannel.Message(
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "fuxin", "OVERDUE", "t1", null, Instant.now()));

        assertThat(outcome).as("resolved twice: public when checked, loopback when connected (%s lookups)", lookups.get())
                .isEqualTo(NoticeChannel.DeliveryOutcome.refused(RobotAddresses.REFUSED));
    }
}
