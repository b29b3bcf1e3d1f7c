package org.expoflow.workflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.expoflow.workflow.notifications.NotificationPolicy.Audience;
import org.expoflow.workflow.security.UserDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the news in the transaction of the event that caused it: a line in the inbox of each person of the
 * audience, a mail to each of them whose address ADMIN has set, and for a unit, a delivery to its group robot
 * (its own webhook, else the default one), which {@link Deliveries} sends once the transaction has committed, outside
 * the quiet hours, or held for the day's digest ({@link DeliveryHours}). Rolled back with the event, nothing is
 * announced that did not happen.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final UserDirectory users;
    private final Clock clock;
    private final String defaultWebhook;

    private final DeliveryHours hours;

    public Outbox(JdbcTemplate jdbc, UserDirectory users, Clock clock, DeliveryHours hours,
                  @Value("${expoflow.notifications.default-webhook:}") String defaultWebhook) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.users = users;
        this.clock = clock;
        this.defaultWebhook = defaultWebhook;
    }

    void record(Notice notice, String taskId, String note, Audience audience) {
        Timestamp now = Timestamp.from(clock.instant());
        users.audience(audience.unitId(), audience.role()).forEach(user -> {
                    jdbc.update("insert into notification (id, recipient, created_at, kind, task_id, note)"
                            + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), user.username(), now,
                            notice.name(), taskId, note);
                    if (user.email() != null) {
                        deliver("EMAIL", user.email(), audience.unitId(), notice, taskId, note, now);
                    }
                });
        if (audience.unitId() != null) {
            webhookOf(audience.unitId()).ifPresent(url -> deliver("WEBHOOK", url, audience.unitId(), notice, taskId, note, now));
        }
    }

    private void deliver(String channel, String target, String unitId, Notice notice, String taskId, String note, Timestamp now) {
        jdbc.update("insert into notification_delivery (id, channel, target, unit_id, kind, task_id, note, created_at, state,"
                        + " attempts, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                UUID.randomUUID().toString(), channel, target, unitId, notice.name(), taskId, note, now,
                hours.digests() ? Deliveries.HELD : Deliveries.PENDING, Timestamp.from(hours.firstAllowed(now.toInstant())));
    }

    private Optional<String> webhookOf(String unitId) {
        return jdbc.queryForList("select url from unit_webhook where unit_id = ?", String.class, unitId).stream().findFirst()
                .or(() -> defaultWebhook == null || defaultWebhook.isBlank() ? Optional.empty() : Optional.of(defaultWebhook));
    }
}
