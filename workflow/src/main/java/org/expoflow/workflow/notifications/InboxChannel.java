package org.expoflow.workflow.notifications;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.TaskSummary;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The in-app inbox: each person of the audience gets a line in it, written with the event that caused it and read
 * by {@link Inbox} when they look, in their language. Nothing to send, so nothing held or retried. On unless
 * {@code expoflow.notifications.inbox.enabled} is false.
 */
@Component
@ConditionalOnProperty(prefix = "expoflow.notifications.inbox", name = "enabled", matchIfMissing = true)
public class InboxChannel implements NoticeChannel {

    private final JdbcTemplate jdbc;
    private final QueryGateway queries;

    public InboxChannel(JdbcTemplate jdbc, QueryGateway queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    @Override
    public String key() {
        return "INBOX";
    }

    @Override
    public Reach reach() {
        return Reach.PERSON;
    }

    @Override
    public Optional<String> addressOf(Recipient recipient) {
        return Optional.of(recipient.person().username());
    }

    @Override
    public boolean deliveredWithTheEvent() {
        return true;
    }

    @Override
    public DeliveryOutcome deliver(Message message) {
        // the deadline as it stands when the notice is sent: what the notice says stays true of its moment
        TaskSummary task = message.dueAt() != null || message.taskId() == null ? null
                : queries.query(new FindTaskSummary(message.taskId()), TaskSummary.class).join();
        java.time.Instant dueAt = message.dueAt() != null ? message.dueAt() : task == null ? null : task.deadline().dueAt();
        jdbc.update("insert into notification (id, recipient, created_at, kind, task_id, note, due_at, unit_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), message.address(), Timestamp.from(message.at()), message.notice(),
                message.taskId(), message.note(), dueAt == null ? null : Timestamp.from(dueAt),
                message.unitId());
        return DeliveryOutcome.delivered();
    }
}
