package org.expoflow.workflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    /**
     * One line of an inbox, in the reader's language, worded with the facts of its sending ({@code dueAt}: the
     * deadline then); {@code readAt} when it was opened.
     */
    public record InboxItem(String id, Instant at, String notice, String taskId, String text, boolean read, Instant dueAt,
                            Instant readAt) {
    }

    /** The notices about one step, newest first, under the step's name; those about no step under none. */
    public record InboxGroup(String taskId, String subject, long unread, List<InboxItem> items) {
    }

    /**
     * A notice as the office follows it: sent to a unit, when, whether the unit has read it (the first of its people
     * to open it, and when), and for a chase-up the unit's reply.
     */
    public record Receipt(String notice, String text, Instant sentAt, String unitId, Instant readAt, String readBy,
                          String reply, Instant repliedAt) {
    }

    public List<InboxItem> of(ExpoFlowUser user) {
        record Row(String id, Instant at, String notice, String taskId, String note, Instant readAt, Instant dueAt) {
        }
        List<Row> rows = jdbc.query("select id, created_at, kind, task_id, note, read_at, due_at from notification"
                        + " where recipient = ? order by created_at desc, id fetch first " + SHOWN + " rows only",
                (rs, n) -> new Row(rs.getString("id"), Times.instant(rs, "created_at"), rs.getString("kind"),
                        rs.getString("task_id"), rs.getString("note"), Times.instant(rs, "read_at"),
                        Times.instant(rs, "due_at")), user.getUsername());
        Locale locale = LocaleContextHolder.getLocale();
        return rows.stream().map(row -> {
            TaskSummary task = task(row.taskId());
            // a notice written before its facts were kept is worded with the step's deadline now
            Instant dueAt = row.dueAt() != null || task == null ? row.dueAt() : task.deadline().dueAt();
            return new InboxItem(row.id(), row.at(), row.notice(), row.taskId(),
                    texts.text(row.notice(), task, row.note(), locale, dueAt), row.readAt() != null, dueAt, row.readAt());
        }).toList();
    }

    /** The inbox by step, the step with the newest notice first. */
    public List<InboxGroup> byStep(ExpoFlowUser user) {
        Map<String, List<InboxItem>> byTask = new LinkedHashMap<>();
        for (InboxItem item : of(user)) {
            byTask.computeIfAbsent(item.taskId() == null ? "" : item.taskId(), taskId -> new ArrayList<>()).add(item);
        }
        Locale locale = LocaleContextHolder.getLocale();
        return byTask.entrySet().stream().map(group -> {
            TaskSummary task = group.getKey().isEmpty() ? null : task(group.getKey());
            return new InboxGroup(group.getKey().isEmpty() ? null : group.getKey(),
                    task == null ? null : texts.subject(task, locale),
                    group.getValue().stream().filter(item -> !item.read()).count(), group.getValue());
        }).toList();
    }

    /** Marks every unread notice of the user's read; how many were. */
    public int readAll(ExpoFlowUser user) {
        return jdbc.update("update notification set read_at = ? where recipient = ? and read_at is null",
                Timestamp.from(clock.instant()), user.getUsername());
    }

    /**
     * What the units were told about a step and whether they read it, oldest first: each notice once per unit (it
     * reached each of the unit's people), read when the first of them opened it; a chase-up with the reply that
     * answered it. The office and leadership follow these; a unit reads its own inbox.
     */
    public List<Receipt> receipts(ExpoFlowUser user, String taskId) {
        if (user.isCity()) {
            throw DomainRuleViolation.forbidden("the office and leadership follow what the units read").coded("receiptsForTheOffice");
        }
        record Sent(String notice, String note, Instant at, String unitId, Instant dueAt, Instant readAt, String readBy) {
        }
        List<Sent> sent = jdbc.query("select kind, note, created_at, unit_id, due_at, read_at, recipient from notification"
                        + " where task_id = ? and unit_id is not null order by created_at, kind, unit_id, read_at",
                (rs, n) -> new Sent(rs.getString("kind"), rs.getString("note"), Times.instant(rs, "created_at"),
                        rs.getString("unit_id"), Times.instant(rs, "due_at"), Times.instant(rs, "read_at"),
                        rs.getString("read_at") == null ? null : rs.getString("recipient")), taskId);
        record Answer(String reply, Instant at) {
        }
        List<Answer> replies = jdbc.query("select distinct note, created_at from notification where task_id = ? and kind = ?"
                        + " order by created_at", (rs, n) -> new Answer(rs.getString("note"), Times.instant(rs, "created_at")),
                taskId, Notice.CHASE_UP_ANSWERED.name());
        TaskSummary task = task(taskId);
        Locale locale = LocaleContextHolder.getLocale();
        Map<List<Object>, Receipt> receipts = new LinkedHashMap<>();
        for (Sent one : sent) {
            List<Object> key = Arrays.asList(one.notice(), one.at(), one.unitId(), one.note());
            Receipt known = receipts.get(key);
            if (known == null || known.readAt() == null && one.readAt() != null) {
                Answer reply = Notice.CHASED_UP.name().equals(one.notice()) || Notice.NOTIFIED.name().equals(one.notice()) ? replies.stream()
                        .filter(answer -> !answer.at().isBefore(one.at())).findFirst().orElse(null) : null;
                receipts.put(key, new Receipt(one.notice(), texts.text(one.notice(), task, one.note(), locale,
                        one.dueAt() != null || task == null ? one.dueAt() : task.deadline().dueAt()), one.at(), one.unitId(),
                        one.readAt(), one.readBy(), reply == null ? null : reply.reply(), reply == null ? null : reply.at()));
            }
        }
        return List.copyOf(receipts.values());
    }

    private TaskSummary task(String taskId) {
        return taskId == null ? null : queries.query(new FindTaskSummary(taskId), TaskSummary.class).join();
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
