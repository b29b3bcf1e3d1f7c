package org.expoflow.workflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.expoflow.workflow.notifications.NoticeChannel.Message;
import org.expoflow.workflow.notifications.NoticeChannel.Reach;
import org.expoflow.workflow.notifications.NoticeChannel.Recipient;
import org.expoflow.workflow.notifications.NotificationPolicy.Audience;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.security.UserDirectory.UserEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the news in the transaction of the event that caused it, on every {@link NoticeChannel} that is on: to
 * each person of the audience and, for a unit, to its group, wherever the channel reaches them. The inbox is
 * written at once; every other delivery is a row of the outbox under its channel's key, which {@link Deliveries}
 * sends once the transaction has committed, outside the quiet hours, or held for the day's digest
 * ({@link DeliveryHours}). Rolled back with the event, nothing is announced that did not happen; and a notice that
 * cannot be written rolls the event back, so nothing happens unannounced.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final UserDirectory users;
    private final Clock clock;
    private final DeliveryHours hours;
    private final List<NoticeChannel> channels;

    public Outbox(JdbcTemplate jdbc, UserDirectory users, Clock clock, DeliveryHours hours, List<NoticeChannel> channels) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.hours = hours;
        this.channels = List.copyOf(channels);
        // refused at start, not at the first notice the column cannot hold
        channels.stream().filter(channel -> channel.key().length() > 16).findAny().ifPresent(channel -> {
            throw new IllegalStateException("a notice channel's key is at most 16 characters, not " + channel.key());
        });
    }

    void record(Notice notice, String taskId, String note, Audience audience) {
        record(notice, taskId, note, audience, null);
    }

    /** With the step's deadline as the event tells it, which the notice keeps. */
    void record(Notice notice, String taskId, String note, Audience audience, Instant dueAt) {
        Instant now = clock.instant();
        List<UserEntry> people = users.audience(audience.unitId(), audience.role());
        for (NoticeChannel channel : channels) {
            recipients(channel.reach(), people, audience.unitId()).forEach(recipient -> channel.addressOf(recipient)
                    .ifPresent(address -> deliver(channel, new Message(address, audience.unitId(), notice.name(), taskId, note, now, dueAt))));
        }
    }

    /** A notice a channel of the event's own transaction refused: the event is not written either. */
    static final class NoticeNotWritten extends IllegalStateException {
        NoticeNotWritten(String reason) {
            super(reason);
        }
    }

    private static List<Recipient> recipients(Reach reach, List<UserEntry> people, String unitId) {
        if (reach == Reach.PERSON) {
            return people.stream().map(person -> Recipient.person(unitId, person)).toList();
        }
        return unitId == null ? List.of() : List.of(Recipient.unitGroup(unitId));
    }

    private void deliver(NoticeChannel channel, Message message) {
        if (channel.deliveredWithTheEvent()) {
            if (channel.deliver(message) instanceof NoticeChannel.DeliveryOutcome.Failed failed) {
                // written with the event or not at all: the event's write fails with it, and its caller may try again
                throw new NoticeNotWritten(channel.key() + " could not take a " + message.notice() + " notice for "
                        + message.address() + ": " + failed.reason());
            }
            return;
        }
        jdbc.update("insert into notification_delivery (id, channel, target, unit_id, kind, task_id, note, created_at, state,"
                        + " attempts, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                UUID.randomUUID().toString(), channel.key(), message.address(), message.unitId(), message.notice(),
                message.taskId(), message.note(), Timestamp.from(message.at()),
                hours.digests() ? Deliveries.HELD : Deliveries.PENDING, Timestamp.from(hours.firstAllowed(message.at())));
    }
}
