package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * News reaches people: a step given to a unit is in its clerks' inbox, unread until opened; the unit's group
 * robot gets it too, through the outbox: a robot that is down gets it on a later attempt, once, and the record
 * says what was sent and what failed. A robot's address that is not http(s) is refused naming it.
 */
@ExpoFlowTest
class NotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    Deliveries deliveries;

    @Autowired
    JdbcTemplate jdbc;

    private HttpServer robot;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @AfterEach
    void robotOff() {
        if (robot != null) {
            robot.stop(0);
        }
        jdbc.update("delete from unit_webhook");
    }

    @Test
    void aStepGivenToAUnitIsUnreadInItsClerksInboxUntilOpened() {
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "chaoyang"), "chaoyang");
        String taskId = OsakaFixture.firstActiveTask(as("chaoyang"), directiveId);

        JsonNode inbox = as("chaoyang").get("/api/inbox").body();
        JsonNode newStep = inbox.get(0);
        assertThat(newStep.path("notice").asText()).isEqualTo("NEW_STEP");
        assertThat(newStep.path("taskId").asText()).isEqualTo(taskId);
        assertThat(newStep.path("text").asText()).contains("朝阳市").contains("新任务").contains("拟定邀请名单");
        long unread = as("chaoyang").get("/api/inbox/unread-count").body().path("unread").asLong();
        assertThat(unread).isPositive();
        assertThat(as("benxi").get("/api/inbox").body().findValuesAsText("taskId")).doesNotContain(taskId);

        assertThat(as("chaoyang").post("/api/inbox/{n}/read", null, newStep.path("id").asText()).status().value()).isEqualTo(204);
        assertThat(as("chaoyang").get("/api/inbox/unread-count").body().path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(as("benxi").post("/api/inbox/{n}/read", null, newStep.path("id").asText()).status().value())
                .as("another's message").isEqualTo(404);
    }

    @Test
    void aUnitsGroupRobotGetsTheNewsOnceThoughItWasDownAtFirst() throws IOException {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/robot", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 200, -1);
            exchange.close();
        });
        robot.start();
        assertThat(as("admin").put("/api/admin/units/{u}/webhook", map("url", "http://localhost:" + robot.getAddress().getPort()
                + "/robot"), "fuxin").status().value()).isEqualTo(204);
        Instant start = Instant.now();
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), OsakaFixture.osakaWith(as("coordinator"), "fuxin"), "fuxin");
        String taskId = OsakaFixture.firstActiveTask(as("fuxin"), directiveId);

        assertThat(deliveries.dispatchDue(start.plusSeconds(1))).as("the robot is down").isZero();
        JsonNode failed = as("admin").get("/api/admin/notifications/deliveries?state=PENDING").body();
        assertThat(failed.findValuesAsText("taskId")).contains(taskId);
        assertThat(failed.get(0).path("lastError").asText()).contains("500");
        assertThat(deliveries.dispatchDue(start.plusSeconds(2))).as("not before its back-off").isZero();

        assertThat(deliveries.dispatchDue(start.plus(Duration.ofSeconds(15)))).isEqualTo(1);
        assertThat(deliveries.dispatchDue(start.plus(Duration.ofHours(2)))).as("sent once").isZero();
        assertThat(received).hasSize(2);
        JsonNode message = new ObjectMapper().readTree(received.get(1));
        assertThat(message.path("msgtype").asText()).isEqualTo("text");
        assertThat(message.at("/text/content").asText()).contains("阜新市").contains("新任务");
        assertThat(as("admin").get("/api/admin/notifications/deliveries?state=SENT").body().findValuesAsText("taskId"))
                .contains(taskId);
    }

    @Test
    void aRobotAddressThatIsNotHttpIsRefusedNamingItAndNothingIsWritten() {
        long events = new EventStoreProbe(jdbc).count();
        for (String url : List.of("ftp://robot.example/hook", "not an address", "")) {
            ExpoFlowClient.Answer refused = as("admin").put("/api/admin/units/{u}/webhook", map("url", url), "fuxin");
            assertThat(refused.status().value()).as(url).isEqualTo(400);
            assertThat(refused.field("field")).isEqualTo("url");
        }
        assertThat(jdbc.queryForObject("select count(*) from unit_webhook", Integer.class)).isZero();
        assertThat(as("coordinator").put("/api/admin/units/{u}/webhook", map("url", "https://robot.example/hook"), "fuxin")
                .status().value()).as("ADMIN's").isEqualTo(403);
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(events);
    }
}
