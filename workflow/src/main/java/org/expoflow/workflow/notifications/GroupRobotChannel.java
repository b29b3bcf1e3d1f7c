package org.expoflow.workflow.notifications;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import jakarta.annotation.PreDestroy;

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
    private final CloseableHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public GroupRobotChannel(JdbcTemplate jdbc, NoticeTexts texts, Settings settings, RobotAddresses robots) {
        this.jdbc = jdbc;
        this.robots = robots;
        this.texts = texts;
        this.settings = settings;
        // the host is resolved once, as it is connected to, and only to addresses RobotAddresses allows
        DnsResolver checkedResolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return robots.resolved(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.http = HttpClients.custom().disableRedirectHandling().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checkedResolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(10)).build())
                        .build())
                .build();
    }

    /** The connections kept open to the robots go with the node. */
    @PreDestroy
    void close() throws IOException {
        http.close();
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
            HttpPost post = new HttpPost(address);
            post.setEntity(new StringEntity(textMessage(texts.asSent(message)), ContentType.APPLICATION_JSON));
            int status = http.execute(post, answer -> {
                EntityUtils.consume(answer.getEntity());
                return answer.getCode();
            });
            return status / 100 == 2 ? DeliveryOutcome.delivered() : DeliveryOutcome.failed("the robot answered " + status);
        } catch (RobotAddresses.AddressRefused refused) {
            // the name resolved inside as the delivery connected, though it resolved outside when checked
            return DeliveryOutcome.refused(RobotAddresses.REFUSED);
        } catch (IOException unreachable) {
            // what a connection says (a port closed, a host silent) tells an outsider about the network: not recorded
            return DeliveryOutcome.failed("the robot could not be reached");
        }
    }

    private String textMessage(String text) throws JsonProcessingException {
        return json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text)));
    }
}
