package org.expoflow.workflow.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A unit's group robot (WeCom, DingTalk): the unit's news is posted to its webhook, which ADMIN sets where
 * {@link RobotAddresses} allows (an address it no longer allows when sent is refused, never tried)
 * ({@link Deliveries#setWebhook}), else to the default one ({@code expoflow.notifications.group-robot.default-webhook}),
 * as the text message both robots take ({@code {"msgtype":"text","text":{"content":...}}}). A robot that is down or
 * answers other than 2xx gets it on a later attempt. On unless {@code expoflow.notifications.group-robot.enabled}
 * is false.
 */
@Component
@EnableConfigurationProperties(GroupRobotChannel.Settings.class)
@ConditionalOnProperty(prefix = "expoflow.notifications.group-robot", name = "enabled", matchIfMissing = true)
public class GroupRobotChannel implements NoticeChannel {

    /** Its settings: whether it is on, and the webhook of the units that have none of their own (none if blank). */
    @ConfigurationProperties("expoflow.notifications.group-robot")
    public record Settings(@DefaultValue("true") boolean enabled, String defaultWebhook) {
    }

    private final JdbcTemplate jdbc;
    private final NoticeTexts texts;
    private final Settings settings;
    private final RobotAddresses robots;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public GroupRobotChannel(JdbcTemplate jdbc, NoticeTexts texts, Settings settings, RobotAddresses robots) {
        this.jdbc = jdbc;
        this.robots = robots;
        this.texts = texts;
        this.settings = settings;
    }

    /** The key its deliveries are stored under. */
    static final String KEY = "WEBHOOK";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Reach reach() {
        return Reach.UNIT_GROUP;
    }

    @Override
    public Optional<String> addressOf(Recipient recipient) {
        return jdbc.queryForList("select url from unit_webhook where unit_id = ?", String.class, recipient.unitId()).stream()
                .findFirst().or(() -> Optional.ofNullable(settings.defaultWebhook()).filter(url -> !url.isBlank()));
    }

    @Override
    public DeliveryOutcome deliver(Message message) {
        URI address;
        try {
            address = URI.create(message.address());
        } catch (IllegalArgumentException notAnAddress) {
            return DeliveryOutcome.refused(RobotAddresses.REFUSED);
        }
        // checked again as sent: the name may resolve elsewhere now than when ADMIN set it
        if (!robots.reachable(address)) {
            return DeliveryOutcome.refused(RobotAddresses.REFUSED);
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(address)
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(textMessage(texts.asSent(message)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() / 100 == 2 ? DeliveryOutcome.delivered()
                    : DeliveryOutcome.failed("the robot answered " + answer.statusCode());
        } catch (IOException unreachable) {
            // what a connection says (a port closed, a host silent) tells an outsider about the network: not recorded
            return DeliveryOutcome.failed("the robot could not be reached");
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.failed("interrupted while posting to the robot");
        }
    }

    private String textMessage(String text) throws JsonProcessingException {
        return json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text)));
    }
}
