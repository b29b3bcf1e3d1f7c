package org.expoflow.workflow.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When messages may leave for people's phones and mailboxes, in the province's time: never in the quiet hours
 * ({@code expoflow.notifications.quiet-hours}, e.g. {@code 22:00-07:00}; a message due then waits for their end),
 * and, with a digest ({@code expoflow.notifications.digest-at}, e.g. {@code 08:30}), gathered into one message
 * per unit robot and per mailbox a day, sent at that time. The inbox is not held: it is read when one looks.
 * Neither set, every message leaves at once.
 */
@Component
public class DeliveryHours {

    private final ZoneId zone;
    private final LocalTime quietFrom;
    private final LocalTime quietUntil;
    private final LocalTime digestAt;

    public DeliveryHours(@Value("${expoflow.time-zone}") ZoneId zone,
                         @Value("${expoflow.notifications.quiet-hours:}") String quietHours,
                         @Value("${expoflow.notifications.digest-at:}") String digestAt) {
        this.zone = zone;
        if (quietHours == null || quietHours.isBlank()) {
            this.quietFrom = null;
            this.quietUntil = null;
        } else {
            String[] bounds = quietHours.strip().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("expoflow.notifications.quiet-hours: from-until such as 22:00-07:00, not '"
                        + quietHours + "'");
            }
            this.quietFrom = time(bounds[0], "expoflow.notifications.quiet-hours");
            this.quietUntil = time(bounds[1], "expoflow.notifications.quiet-hours");
        }
        this.digestAt = digestAt == null || digestAt.isBlank() ? null : time(digestAt, "expoflow.notifications.digest-at");
    }

    /** Whether messages are gathered into a daily digest rather than sent one by one. */
    public boolean digests() {
        return digestAt != null;
    }

    /** The first instant at or after {@code at} outside the quiet hours. */
    public Instant firstAllowed(Instant at) {
        if (quietFrom == null) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietUntil);
        boolean quiet = overnight ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return at;
        }
        LocalDate day = overnight && !time.isBefore(quietFrom) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return day.atTime(quietUntil).atZone(zone).toInstant();
    }

    /** The latest digest time at or before {@code now}: what was held before it goes out in that day's digest. */
    public Instant latestDigestAt(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(digestAt).atZone(zone);
        return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
    }

    private static LocalTime time(String value, String property) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException(property + ": a time of day such as 07:00, not '" + value + "'");
        }
    }
}
