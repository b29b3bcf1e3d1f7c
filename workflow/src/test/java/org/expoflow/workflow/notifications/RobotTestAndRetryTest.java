package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpServer;

/**
 * ADMIN tries a unit's group robot with a test message, sent there and then and recorded among the deliveries, and
 * sends a failed delivery again with a fresh round of attempts; a unit without a robot, a delivery already sent or
 * unknown are refused naming the field, and only ADMIN may do either.
 */
@ExpoFlowTest
class RobotTestAndRetryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Deliveries deliveries;

    private HttpServer robot;

    @AfterEach
    void robotOff() {
        if (robot != null) {
            robot.stop(0);
        }
        jdbc.update("delete from unit_webhook where unit_id = 'yingkou'");
    }

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user).withHeader("Accept-Language", "zh-CN");
    }

    @Test
    void aTestMessageReachesTheRobotOrSaysWhyNotAndAFailedOneIsSentAgain() throws IOException {
        assertThat(as("admin").post("/api/admin/units/{u}/webhook/test", map(), "yingkou").field("field")).isEqualTo("unitId");
        assertThat(as("admin").post("/api/admin/units/{u}/webhook/test", map(), "yingkou").field("detail")).contains("营口市还没有群机器人");

        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger answer = new AtomicInteger(200);
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/robot", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        robot.start();
        assertThat(as("admin").put("/api/admin/units/{u}/webhook", map("url", "http://localhost:" + robot.getAddress().getPort()
                + "/robot"), "yingkou").status().value()).isEqualTo(204);
        assertThat(as("admin").get("/api/admin/units/webhooks").field("yingkou")).endsWith("/robot");

        ExpoFlowClient.Answer delivered = as("admin").post("/api/admin/units/{u}/webhook/test", map(), "yingkou");
        assertThat(delivered.body().path("delivered").asBoolean()).isTrue();
        assertThat(received).singleElement().asString().contains("\"msgtype\":\"text\"").contains("ExpoFlow 测试消息：营口市的群机器人已接通");

        answer.set(500);
        ExpoFlowClient.Answer failed = as("admin").post("/api/admin/units/{u}/webhook/test", map(), "yingkou");
        assertThat(failed.body().path("delivered").asBoolean()).isFalse();
        assertThat(failed.field("failure")).contains("500");
        var failedOnes = as("admin").get("/api/admin/notifications/deliveries?state=FAILED").body();
        String failedId = null;
        for (var delivery : failedOnes) {
            if ("yingkou".equals(delivery.path("unitId").asText()) && "ROBOT_TEST".equals(delivery.path("notice").asText())) {
                failedId = delivery.path("id").asText();
            }
        }
        assertThat(failedId).as("the failed test is among the deliveries").isNotNull();

        assertThat(as("shenyang").post("/api/admin/notifications/deliveries/{d}/retry", map(), failedId).status().value())
                .isEqualTo(403);
        answer.set(200);
        assertThat(as("admin").post("/api/admin/notifications/deliveries/{d}/retry", map(), failedId).status().value())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("select state || ' ' || attempts from notification_delivery where id = ?", String.class,
                failedId)).isEqualTo("PENDING 0");
        deliveries.dispatchDue(Instant.now().plusSeconds(1));
        assertThat(jdbc.queryForObject("select state from notification_delivery where id = ?", String.class, failedId))
                .isEqualTo("SENT");
        assertThat(received).hasSize(3);

        ExpoFlowClient.Answer sentAlready = as("admin").post("/api/admin/notifications/deliveries/{d}/retry", map(), failedId);
        assertThat(sentAlready.status().value()).isEqualTo(409);
        assertThat(sentAlready.field("field")).isEqualTo("deliveryId");
        assertThat(sentAlready.field("detail")).contains("已发送");
        assertThat(as("admin").post("/api/admin/notifications/deliveries/{d}/retry", map(), "no-such-delivery").status().value())
                .isEqualTo(404);
    }
}
