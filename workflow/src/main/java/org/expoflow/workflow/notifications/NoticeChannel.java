package org.expoflow.workflow.notifications;

import java.time.Instant;
import java.util.Optional;

import org.expoflow.workflow.security.UserDirectory.UserEntry;

/**
 * A way the news leaves for people: the inbox, e-mail, a unit's group robot. When a notice is recorded, the
 * {@link Outbox} asks each channel where it reaches each recipient (a person of the audience, or the unit's group)
 * and writes one delivery per address found, under the channel's key, in the event's transaction. The
 * {@link Deliveries} later hand each delivery to the channel of its key, which says whether it got through; one
 * that failed is tried again with back-off, until it is given up. A channel is a Spring bean with its own
 * settings, switched on and off by them; a new one (SMS, a WeCom application message) is one class.
 */
public interface NoticeChannel {

    /** The key its deliveries are stored under ({@code EMAIL}, {@code WEBHOOK}): permanent once stored, at most 16 characters. */
    String key();

    /** Whom it reaches: each person of the audience, or the unit the notice is about as a whole. */
    Reach reach();

    /** Where it reaches {@code recipient} (a mailbox, a webhook, a user name), or empty when it does not. */
    Optional<String> addressOf(Recipient recipient);

    /**
     * Whether a delivery is made in the event's own transaction (the inbox: it is read when one looks, so it is
     * never held for the quiet hours, gathered into a digest or retried) rather than sent after commit.
     */
    default boolean deliveredWithTheEvent() {
        return false;
    }

    /** Delivers one message to its address; a failure is an outcome, not an exception, so that it is retried. */
    DeliveryOutcome deliver(Message message);

    /** The two kinds of recipient a channel can reach. */
    enum Reach {
        /** Each person of the audience: a unit's clerks, the office, leadership. */
        PERSON,
        /** The unit's group as a whole (its group robot); an office or leadership audience has none. */
        UNIT_GROUP
    }

    /** One person of an audience (with the unit the notice is for, if any), or a unit's group ({@code person} empty). */
    record Recipient(String unitId, UserEntry person) {

        static Recipient person(String unitId, UserEntry person) {
            return new Recipient(unitId, person);
        }

        static Recipient unitGroup(String unitId) {
            return new Recipient(unitId, null);
        }
    }

    /**
     * What a channel delivers: the notice (a {@link Notice} name, or a retired one of a stored delivery), the step
     * it is about and its note, to an address, on behalf of a unit, as recorded at {@code at}, with the step's deadline
     * then ({@code dueAt}) when the event told it. A channel that sends
     * words has them from {@link NoticeTexts#asSent(Message)}.
     */
    record Message(String address, String unitId, String notice, String taskId, String note, Instant at, Instant dueAt) {

        /** A message whose step's deadline is not told with it (read as it stands when sent). */
        public Message(String address, String unitId, String notice, String taskId, String note, Instant at) {
            this(address, unitId, notice, taskId, note, at, null);
        }
    }

    /**
     * Whether a delivery got through: delivered; failed with the reason, to be tried again later; or refused, with
     * the reason, never to be tried again (an address the channel may not reach).
     */
    sealed interface DeliveryOutcome {

        static DeliveryOutcome refused(String reason) {
            return new Refused(reason);
        }

        record Refused(String reason) implements DeliveryOutcome {
        }

        static DeliveryOutcome delivered() {
            return new Delivered();
        }

        static DeliveryOutcome failed(String reason) {
            return new Failed(reason);
        }

        /** Failed for what {@code cause} says, or its kind when it says nothing (a refused connection). */
        static DeliveryOutcome failed(Exception cause) {
            return new Failed(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }

        record Delivered() implements DeliveryOutcome {
        }

        record Failed(String reason) implements DeliveryOutcome {

            public Failed {
                // the record of the delivery always says why
                reason = reason == null || reason.isBlank() ? "failed" : reason;
            }
        }
    }
}
