package org.expoflow.workflow.notifications;

import java.net.URI;
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
import java.util.function.Function;
import java.util.stream.Collectors;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.support.Times;
import org.expoflow.workflow.notifications.NoticeChannel.DeliveryOutcome;
import org.expoflow.workflow.notifications.NoticeChannel.Message;
import org.expoflow.workflow.units.UnitRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deliveries of the outbox, to the group robots, by e-mail and on any other {@link NoticeChannel}: every few
 * seconds ({@code expoflow.notifications.dispatch-every}, 5 s) each node claims the deliveries due (one claim wins a
 * row, so two nodes never send one twice), hands each to the channel of its stored key, and records it sent, or
 * failed with the channel's reason and retried after 10 s, 20 s, 40 s ... up to an hour, eight times in all; a
 * robot that is down loses nothing, and a delivery whose channel is off waits in the same way. A node that dies
 * while sending leaves its claim, taken back after five minutes (that one message may then arrive twice). ADMIN
 * sets a unit's robot, where {@link RobotAddresses} allows one; a delivery a channel refuses to make (a robot's
 * address no longer allowed when sent) fails at once, with no retry. ADMIN may send one again at once
 * ({@link #retry}), with a fresh round of attempts, and try a unit's robot with a test message ({@link #sendTest}),
 * sent there and then and recorded among the deliveries like any other.
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
    private final Map<String, NoticeChannel> channels;

    private final DeliveryHours hours;
    private final TransactionTemplate transactions;
    private final RobotAddresses robots;

    public Deliveries(JdbcTemplate jdbc, NoticeTexts texts, UnitRegister units, Clock clock, DeliveryHours hours,
                      PlatformTransactionManager transactionManager, RobotAddresses robots, List<NoticeChannel> channels) {
        this.jdbc = jdbc;
        this.robots = robots;
        this.hours = hours;
        this.transactions = new TransactionTemplate(transactionManager);
        this.texts = texts;
        this.units = units;
        this.clock = clock;
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(NoticeChannel::key, Function.identity()));
    }

    /**
     * A delivery as recorded: by which channel (its key: WEBHOOK, EMAIL, ...) to where, what, in which state, after how
     * many attempts, the last error; and the notice's note (a reminder's days, a digest's lines, a test's unit).
     */
    public record Delivery(String id, String channel, String unitId, String target, String notice, String taskId, String state,
                           int attempts, Instant createdAt, Instant sentAt, String lastError, String note) {
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

    /** Every unit's own group robot, by unit id (a unit without one goes to the default robot, if any). */
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, String> webhooks() {
        Map<String, String> byUnit = new LinkedHashMap<>();
        jdbc.query("select unit_id, url from unit_webhook order by unit_id",
                (java.sql.ResultSet rs) -> { byUnit.put(rs.getString(1), rs.getString(2)); });
        return byUnit;
    }

    /** What a test message to a unit's robot came to: delivered, or not and why, and the address it went to. */
    public record RobotTest(String unitId, String address, boolean delivered, String failure) {
    }

    /**
     * Sends a test message to the unit's group robot now (its own, else the default one), recorded among the
     * deliveries as SENT or FAILED; refused naming {@code unitId} when the unit has no robot to try.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public RobotTest sendTest(String unitId) {
        UnitRegister.RegisteredUnit unit = units.find(unitId).orElseThrow(() -> DomainRuleViolation.notFound("unitId",
                "no registered unit " + unitId).coded("unitNotRegistered", unitId));
        NoticeChannel robot = channels.get(GroupRobotChannel.KEY);
        String address = robot == null ? null : robot.addressOf(NoticeChannel.Recipient.unitGroup(unitId)).orElse(null);
        if (address == null) {
            throw DomainRuleViolation.invalid("unitId", "unit " + unitId + " has no group robot to try")
                    .coded("robotMissing", unit.name());
        }
        Instant now = clock.instant();
        Message test = new Message(address, unitId, Notice.ROBOT_TEST.name(), null, unit.name(), now);
        DeliveryOutcome outcome;
        try {
            outcome = robot.deliver(test);
        } catch (RuntimeException failed) {
            outcome = DeliveryOutcome.failed(failed);
        }
        String failure = outcome instanceof DeliveryOutcome.Failed failed ? failed.reason()
                : outcome instanceof DeliveryOutcome.Refused refused ? refused.reason() : null;
        jdbc.update("insert into notification_delivery (id, channel, target, unit_id, kind, task_id, note, created_at, state,"
                        + " attempts, next_attempt_at, sent_at, last_error) values (?, ?, ?, ?, ?, null, ?, ?, ?, 1, ?, ?, ?)",
                UUID.randomUUID().toString(), GroupRobotChannel.KEY, address, unitId, Notice.ROBOT_TEST.name(), unit.name(),
                Timestamp.from(now), failure == null ? "SENT" : "FAILED", Timestamp.from(now),
                failure == null ? Timestamp.from(clock.instant()) : null, failure);
        return new RobotTest(unitId, address, failure == null, failure);
    }

    /**
     * Sends a delivery that failed, or is still waiting for its next attempt, at the next dispatch, with a fresh
     * round of attempts; refused naming {@code deliveryId} when there is no such delivery or it was sent already.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void retry(String deliveryId) {
        List<String> state = jdbc.queryForList("select state from notification_delivery where id = ?", String.class, deliveryId);
        if (state.isEmpty()) {
            throw DomainRuleViolation.notFound("deliveryId", "no delivery " + deliveryId).coded("noDelivery", deliveryId);
        }
        if (!List.of("FAILED", PENDING).contains(state.get(0))) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "deliveryId", "delivery " + deliveryId + " is "
                    + state.get(0) + "; only a failed or waiting one is sent again")
                    .coded(List.of("SENT", DIGESTED).contains(state.get(0)) ? "deliverySentAlready" : "deliveryNotRetried");
        }
        // the state read again in the update: a dispatch that claimed it meanwhile keeps it
        jdbc.update("update notification_delivery set state = ?, attempts = 0, next_attempt_at = ?, claimed_at = null"
                + " where id = ? and state in ('FAILED', 'PENDING')", PENDING, Timestamp.from(clock.instant()), deliveryId);
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
                        Times.instant(rs, "created_at"), Times.instant(rs, "sent_at"), rs.getString("last_error"), rs.getString("note")),
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
        List<Due> due = jdbc.query("select id, channel, target, unit_id, kind, task_id, note, created_at, attempts"
                        + " from notification_delivery where state = 'PENDING' and next_attempt_at <= ? order by next_attempt_at"
                        + " fetch first 50 rows only",
                (rs, n) -> new Due(rs.getString("id"), rs.getString("channel"), rs.getInt("attempts") + 1,
                        new Message(rs.getString("target"), rs.getString("unit_id"), rs.getString("kind"), rs.getString("task_id"),
                                rs.getString("note"), Times.instant(rs, "created_at"))), at);
        int sent = 0;
        for (Due delivery : due) {
            if (jdbc.update("update notification_delivery set state = 'SENDING', claimed_at = ? where id = ? and state = 'PENDING'",
                    at, delivery.id()) == 0) {
                continue;
            }
            DeliveryOutcome outcome = send(delivery);
            if (outcome instanceof DeliveryOutcome.Refused refused) {
                jdbc.update("update notification_delivery set state = 'FAILED', attempts = ?, last_error = ?, claimed_at = null"
                        + " where id = ?", delivery.attempt(), refused.reason(), delivery.id());
                log.warn("{} delivery {} refused: {}", delivery.channel(), delivery.id(), refused.reason());
            } else if (outcome instanceof DeliveryOutcome.Failed failed) {
                retryLater(delivery, failed.reason(), now);
            } else {
                jdbc.update("update notification_delivery set state = 'SENT', attempts = ?, sent_at = ?, last_error = null"
                        + " where id = ?", delivery.attempt(), Timestamp.from(clock.instant()), delivery.id());
                sent++;
            }
        }
        return sent;
    }

    /** A delivery claimed to be sent: its row's id, its channel's key, which attempt this is, and what it carries. */
    private record Due(String id, String channel, int attempt, Message message) {
    }

    private DeliveryOutcome send(Due delivery) {
        NoticeChannel channel = channels.get(delivery.channel());
        if (channel == null) {
            return DeliveryOutcome.failed("no channel " + delivery.channel() + " is on");
        }
        try {
            return channel.deliver(delivery.message());
        } catch (RuntimeException failed) {
            // a channel's own slip (the step's words not read, a bad address) is retried like a refusal
            return DeliveryOutcome.failed(failed);
        }
    }

    private void retryLater(Due delivery, String error, Instant now) {
        boolean givenUp = delivery.attempt() >= MAX_ATTEMPTS;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(delivery.attempt() - 1, 20));
        jdbc.update("update notification_delivery set state = ?, attempts = ?, last_error = ?, next_attempt_at = ?,"
                        + " claimed_at = null where id = ?", givenUp ? "FAILED" : "PENDING", delivery.attempt(),
                error.length() > 1000 ? error.substring(0, 1000) : error,
                Timestamp.from(hours.firstAllowed(now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait))), delivery.id());
        log.info("{} delivery {} failed (attempt {}{}): {}", delivery.channel(), delivery.id(), delivery.attempt(),
                givenUp ? ", given up" : "", error);
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
}
