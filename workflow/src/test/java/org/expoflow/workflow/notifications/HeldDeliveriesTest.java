package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.notifications.NotificationPolicy.Audience;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.units.UnitRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Deliveries held back for people's sake, on an office that set quiet hours or a daily digest: a message in the
 * night reaches the unit's robot when the quiet hours end; with a digest, the day's messages reach it as one, at
 * the digest's hour, and nothing is sent twice. (On instants long past, so that the other tests' deliveries are
 * not due.)
 */
@ExpoFlowTest
class HeldDeliveriesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDirectory users;
    @Autowired
    NoticeTexts texts;
    @Autowired
    UnitRegister units;
    @Autowired
    ObjectProvider<JavaMailSender> mail;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RobotAddresses robots;
    @Autowired
    org.axonframework.queryhandling.QueryGateway queries;

    private HttpServer robot;
    private String robotAddress;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void robotOn() throws IOException {
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/robot", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        robot.start();
        robotAddress = "http://localhost:" + robot.getAddress().getPort() + "/robot";
    }

    @AfterEach
    void robotOff() {
        robot.stop(0);
        jdbc.update("delete from notification_delivery where target = ?", robotAddress);
    }

    @Test
    void aMessageInTheQuietHoursReachesTheRobotWhenTheyEnd() throws IOException {
        DeliveryHours quiet = new DeliveryHours(BEIJING, "22:00-07:00", "");
        Outbox outbox = outboxAt(at("2026-01-10T23:15"), quiet);
        Deliveries deliveries = new Deliveries(jdbc, texts, units, Clock.systemUTC(), quiet, transactions, robots, channels());

        outbox.record(Notice.CHASED_UP, fushunStep(), "今晚请报送", Audience.unit("fushun"));

        assertThat(deliveries.dispatchDue(at("2026-01-11T06:30"))).as("still quiet").isZero();
        assertThat(deliveries.dispatchDue(at("2026-01-11T07:00"))).isEqualTo(1);
        assertThat(received).hasSize(1);
        assertThat(new ObjectMapper().readTree(received.get(0)).at("/text/content").asText()).contains("抚顺市")
                .contains("今晚请报送");
    }

    @Test
    void theDaysMessagesReachTheRobotAsOneDigestAtItsHourOnce() throws IOException {
        DeliveryHours digest = new DeliveryHours(BEIJING, "", "08:30");
        Deliveries deliveries = new Deliveries(jdbc, texts, units, Clock.systemUTC(), digest, transactions, robots, channels());
        String step = fushunStep();
        outboxAt(at("2026-01-10T10:00"), digest).record(Notice.CHASED_UP, step, "请报送邀请人数", Audience.unit("fushun"));
        outboxAt(at("2026-01-10T16:00"), digest).record(Notice.INSTRUCTION, step, "务必按期完成", Audience.unit("fushun"));

        assertThat(deliveries.dispatchDue(at("2026-01-11T08:00"))).as("before the digest's hour").isZero();
        assertThat(received).isEmpty();
        assertThat(deliveries.dispatchDue(at("2026-01-11T08:31"))).isEqualTo(1);
        assertThat(deliveries.dispatchDue(at("2026-01-12T09:00"))).as("sent once").isZero();

        assertThat(received).hasSize(1);
        String content = new ObjectMapper().readTree(received.get(0)).at("/text/content").asText();
        assertThat(content).startsWith("今日督办提醒汇总").contains("1. ").contains("请报送邀请人数").contains("2. ").contains("务必按期完成");
        assertThat(jdbc.queryForList("select state from notification_delivery where target = ? order by created_at",
                String.class, robotAddress)).containsExactly("DIGESTED", "DIGESTED", "SENT");
    }

    private String fushunStep() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "fushun"), "fushun");
        return OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "fushun"), directiveId);
    }

    private Outbox outboxAt(Instant now, DeliveryHours hours) {
        return new Outbox(jdbc, users, Clock.fixed(now, BEIJING), hours, channels());
    }

    /** The channels as configured, but for this test's robot as every unit's default. */
    private List<NoticeChannel> channels() {
        return List.of(new InboxChannel(jdbc, queries), new MailChannel(mail, new MailChannel.Settings(true, "expoflow@localhost",
                "ExpoFlow 督办提醒"), texts), new GroupRobotChannel(jdbc, texts, new GroupRobotChannel.Settings(true, robotAddress), robots));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }
}
