package org.expoflow.workflow.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.support.Times;
import org.expoflow.workflow.units.UnitRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deliveries of the outbox, to the group robots and by e-mail: every few seconds ({@code expoflow.notifications.dispatch-every}, 5 s) each
 * node claims the deliveries due (one claim wins a row, so two nodes never send one twice), posts each as
 * the text message WeCom and DingTalk robots take ({@code {"msgtype":"text","text":{"content":...}}}) or mails it
 * (through the SMTP server {@code spring.mail.host}; none set, a mail waits and is retried), and
 * records it sent, or failed with the error and retried after 10 s, 20 s, 40 s ... up to an hour, eight times
 * in all; a robot that is down loses nothing. A node that dies while sending leaves its claim, taken back after
 * five minutes (that one message may then arrive twice). ADMIN sets a unit's robot, where {@link RobotAddresses} allows
 * one, and a delivery goes only where it still allows when sent.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    static final int MAX_ATTEMPTS = 8;
    static final String PENDING = "PENDING";
    /** Waiting for the day's digest. */
    static final String HELD = "HELD";
    /** Gathered into a digest, which is sent in its stead. */
    static final String DIGESTED = "DIGESTED";
    private static final List<String> STATES = List.of(PENDING, "SENDING", "SENT", "FAILED", HELD, DIGESTED);
    private static final int DIGEST_NOTE_LENGTH = 2000;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final NoticeTexts texts;
    private final UnitRegister units;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private final DeliveryHours hours;
    private final TransactionTemplate transactions;
    private final RobotAddresses robots;

    public Deliveries(JdbcTemplate jdbc, NoticeTexts texts, UnitRegister units, Clock clock,
                      ObjectProvider<JavaMailSender> mail, DeliveryHours hours, PlatformTransactionManager transactionManager,
                      RobotAddresses robots, @Value("${expoflow.notifications.mail-from:expoflow@localhost}") String from) {
        this.jdbc = jdbc;
        this.robots = robots;
        this.hours = hours;
        this.transactions = new TransactionTemplate(transactionManager);
        this.texts = texts;
        this.units = units;
        this.clock = clock;
        this.mail = mail;
        this.from = from;
    }

    /** A delivery as recorded: by which channel (WEBHOOK, EMAIL) to where, what, in which state, after how many attempts, the last error. */
    public record Delivery(String id, String channel, String unitId, String target, String notice, String taskId, String state,
                           int attempts, Instant createdAt, Instant sentAt, String lastError) {
    }

    /** Sets a unit's group robot: an address {@link RobotAddresses} allows, refused naming {@code url} otherwise. */
    @PreAuthorize("hasRole('ADMIN')")
    public void setWebhook(String unitId, String url) {
        if (units.find(unitId).isEmpty()) {
            throw DomainRuleViolation.notFound("unitId", "no registered unit " + unitId).coded("unitNotRegistered", unitId);
        }
        URI address = robots.checked(url);
        if (jdbc.update("update unit_webhook set url = ? where unit_id = ?", address.toString(), unitId) == 0) {
            jdbc.update("insert into unit_webhook (unit_id, url) values (?, ?)", unitId, address.toString());
        }
    }

    /** The deliveries recorded, newest first, optionally of one state (PENDING, SENDING, SENT, FAILED, HELD, DIGESTED). */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Delivery> deliveries(String state) {
        if (state != null && !STATES.contains(state)) {
            throw DomainRuleViolation.invalid("state", "state is one of " + String.join(", ", STATES))
                    .coded("deliveryState", state, String.join(", ", STATES));
        }
        return jdbc.query("select * from notification_delivery" + (state == null ? "" : " where state = ?")
                        + " order by created_at desc fetch first 200 rows only",
                (rs, n) -> new Delivery(rs.getString("id"), rs.getString("channel"), rs.getString("unit_id"), rs.getString("target"),
                        rs.getString("kind"), rs.getString("task_id"), rs.getString("state"), rs.getInt("attempts"),
                        Times.instant(rs, "created_at"), Times.instant(rs, "sent_at"), rs.getString("last_error")),
                state == null ? new Object[0] : new Object[] {state});
    }

    @Scheduled(initialDelayString = "${expoflow.notifications.dispatch-every:PT5S}",
            fixedDelayString = "${expoflow.notifications.dispatch-every:PT5S}")
    public void dispatch() {
        dispatchDue(clock.instant());
    }

    /** Sends what is due at {@code now} (the day's digests gathered first, when there are digests); the number sent. */
    public int dispatchDue(Instant now) {
        if (hours.digests()) {
            gatherDigests(now);
        }
        Timestamp at = Timestamp.from(now);
        jdbc.update("update notification_delivery set state = 'PENDING', claimed_at = null where state = 'SENDING'"
                + " and claimed_at < ?", Timestamp.from(now.minus(CLAIM_LEASE)));
        List<Map<String, Object>> due = jdbc.queryForList("select id, channel, target, kind, task_id, note, attempts"
                + " from notification_delivery where state = 'PENDING' and next_attempt_at <= ? order by next_attempt_at"
                + " fetch first 50 rows only", at);
        int sent = 0;
        for (Map<String, Object> delivery : due) {
            String id = (String) delivery.get("id");
            if (jdbc.update("update notification_delivery set state = 'SENDING', claimed_at = ? where id = ? and state = 'PENDING'",
                    at, id) == 0) {
                continue;
            }
            int attempts = ((Number) delivery.get("attempts")).intValue() + 1;
            try {
                String text = Notice.DIGEST.name().equals(delivery.get("kind"))
                        ? texts.text(Notice.DIGEST.name(), (TaskSummary) null, null, Locale.SIMPLIFIED_CHINESE) + "\n" + delivery.get("note")
                        : texts.text((String) delivery.get("kind"), (String) delivery.get("task_id"),
                        (String) delivery.get("note"), Locale.SIMPLIFIED_CHINESE);
                if ("EMAIL".equals(delivery.get("channel"))) {
                    mail((String) delivery.get("target"), text);
                } else if (!post((String) delivery.get("target"), text)) {
                    // an address not allowed stays so: given up at once, said without what a connection would tell
                    jdbc.update("update notification_delivery set state = 'FAILED', attempts = ?, last_error = ?, claimed_at = null"
                            + " where id = ?", attempts, RobotAddresses.REFUSED, id);
                    log.warn("webhook delivery {} refused: {} is not a robot's address", id, delivery.get("target"));
                    continue;
                }
                jdbc.update("update notification_delivery set state = 'SENT', attempts = ?, sent_at = ?, last_error = null"
                        + " where id = ?", attempts, Timestamp.from(clock.instant()), id);
                sent++;
            } catch (Exception failed) {
                String error = failed instanceof java.io.IOException && !"EMAIL".equals(delivery.get("channel"))
                        ? "the robot could not be reached"
                        : failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
                boolean givenUp = attempts >= MAX_ATTEMPTS;
                Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
                jdbc.update("update notification_delivery set state = ?, attempts = ?, last_error = ?, next_attempt_at = ?,"
                                + " claimed_at = null where id = ?", givenUp ? "FAILED" : "PENDING", attempts,
                        error.length() > 1000 ? error.substring(0, 1000) : error,
                        Timestamp.from(hours.firstAllowed(now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait))), id);
                log.info("webhook delivery {} failed (attempt {}{}): {}", id, attempts, givenUp ? ", given up" : "", error);
            }
        }
        return sent;
    }

    /**
     * Gathers what was held before the latest digest time into one message per robot and per mailbox, in the
     * order it happened. The held rows are locked while gathered: two nodes gathering at once make one digest.
     */
    void gatherDigests(Instant now) {
        Timestamp cutoff = Timestamp.from(hours.latestDigestAt(now));
        transactions.executeWithoutResult(status -> {
            List<Map<String, Object>> held = jdbc.queryForList("select id, channel, target, unit_id, kind, task_id, note"
                    + " from notification_delivery where state = ? and created_at < ? order by created_at, id for update", HELD, cutoff);
            Map<List<Object>, List<Map<String, Object>>> byRecipient = new LinkedHashMap<>();
            held.forEach(row -> byRecipient.computeIfAbsent(Arrays.asList(row.get("channel"), row.get("target"), row.get("unit_id")),
                    key -> new ArrayList<>()).add(row));
            byRecipient.forEach((recipient, rows) -> {
                StringBuilder lines = new StringBuilder();
                int gathered = 0;
                for (Map<String, Object> row : rows) {
                    String line = (gathered + 1) + ". " + texts.text((String) row.get("kind"), (String) row.get("task_id"),
                            (String) row.get("note"), Locale.SIMPLIFIED_CHINESE) + "\n";
                    if (lines.length() + line.length() > DIGEST_NOTE_LENGTH - 40) {
                        lines.append("……（另有 ").append(rows.size() - gathered).append(" 条，请登录查看）");
                        break;
                    }
                    lines.append(line);
                    gathered++;
                }
                jdbc.update("insert into notification_delivery (id, channel, target, unit_id, kind, task_id, note, created_at,"
                                + " state, attempts, next_attempt_at) values (?, ?, ?, ?, ?, null, ?, ?, ?, 0, ?)",
                        UUID.randomUUID().toString(), recipient.get(0), recipient.get(1), recipient.get(2), Notice.DIGEST.name(),
                        lines.toString().strip(), Timestamp.from(now), PENDING, Timestamp.from(hours.firstAllowed(now)));
            });
            held.forEach(row -> jdbc.update("update notification_delivery set state = ? where id = ?", DIGESTED, row.get("id")));
        });
    }

    private void mail(String to, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server is configured (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(to);
        message.setFrom(from);
        message.setSubject("ExpoFlow 督办提醒");
        message.setText(text);
        sender.send(message);
    }

    /** Posts the text to the robot, unless its address is not allowed now (false); the client follows no redirect. */
    private boolean post(String target, String text) throws Exception {
        URI address;
        try {
            address = URI.create(target);
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        if (!robots.reachable(address)) {
            return false;
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message(text))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("the robot answered " + answer.statusCode());
        }
        return true;
    }

    private String message(String text) throws JsonProcessingException {
        return json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text)));
    }
}
