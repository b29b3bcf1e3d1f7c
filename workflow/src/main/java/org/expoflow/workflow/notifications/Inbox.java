package org.expoflow.workflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.TaskSummary;
import org.springframework.context.i18n.LocaleContextHolder;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.support.Times;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A person's inbox: the news about their steps, newest first, each read once they open it; the number
 * unread shows on every page.
 */
@Service
public class Inbox {

    private static final int SHOWN = 100;

    private final JdbcTemplate jdbc;
    private final NoticeTexts texts;
    private final Clock clock;
    private final QueryGateway queries;

    public Inbox(JdbcTemplate jdbc, NoticeTexts texts, Clock clock, QueryGateway queries) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.clock = clock;
        this.queries = queries;
    }

    /** One line of an inbox, in the reader's language. */
    public record InboxItem(String id, Instant at, String notice, String taskId, String text, boolean read) {
    }

    public List<InboxItem> of(ExpoFlowUser user) {
        record Row(String id, Instant at, String notice, String taskId, String note, boolean read) {
        }
        List<Row> rows = jdbc.query("select id, created_at, kind, task_id, note, read_at from notification where recipient = ?"
                        + " order by created_at desc, id fetch first " + SHOWN + " rows only",
                (rs, n) -> new Row(rs.getString("id"), Times.instant(rs, "created_at"), rs.getString("kind"),
                        rs.getString("task_id"), rs.getString("note"), rs.getTimestamp("read_at") != null), user.getUsername());
        Map<String, TaskSummary> tasks = new HashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        return rows.stream().map(row -> new InboxItem(row.id(), row.at(), row.notice(), row.taskId(),
                texts.text(row.notice(), row.taskId() == null ? null : tasks.computeIfAbsent(row.taskId(),
                        taskId -> queries.query(new FindTaskSummary(taskId), TaskSummary.class).join()), row.note(), locale),
                row.read())).toList();
    }

    public long unread(ExpoFlowUser user) {
        Long unread = jdbc.queryForObject("select count(*) from notification where recipient = ? and read_at is null",
                Long.class, user.getUsername());
        return unread == null ? 0 : unread;
    }

    /** Marks one of the user's own notifications read; the step it is about, to open. */
    public String read(ExpoFlowUser user, String notificationId) {
        List<String> task = jdbc.queryForList("select task_id from notification where id = ? and recipient = ?",
                String.class, notificationId, user.getUsername());
        if (task.isEmpty()) {
            throw DomainRuleViolation.notFound("notificationId", "no notification " + notificationId + " in your inbox")
                    .coded("noNotification");
        }
        jdbc.update("update notification set read_at = ? where id = ? and read_at is null", Timestamp.from(clock.instant()),
                notificationId);
        return task.get(0);
    }
}
