package org.expoflow.workflow.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.TaskDirective;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A notice in words, written when it is read (in the reader's language, with the step as it stands) or sent
 * (in Chinese, to a unit's group robot): "沈阳市：新任务“拟定邀请名单”（邀请日本采购商），期限 2030年2月1日".
 */
@Component
public class NoticeTexts {

    private final MessageSource messages;
    private final QueryGateway queries;
    private final KindTexts kinds;
    private final UnitRegister units;
    private final ZoneId provinceZone;

    public NoticeTexts(MessageSource messages, QueryGateway queries, KindTexts kinds, UnitRegister units,
                       @Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.messages = messages;
        this.queries = queries;
        this.kinds = kinds;
        this.units = units;
        this.provinceZone = provinceZone;
    }

    /** In the reader's language. */
    public String text(String notice, String taskId, String note) {
        return text(notice, taskId, note, LocaleContextHolder.getLocale());
    }

    public String text(String notice, String taskId, String note, Locale locale) {
        return text(notice, taskId == null ? null : queries.query(new FindTaskSummary(taskId), TaskSummary.class).join(),
                note, locale);
    }

    /** As a channel sends it, in Chinese: a digest is its heading above the day's lines, which are its note. */
    public String asSent(NoticeChannel.Message message) {
        if (Notice.DIGEST.name().equals(message.notice())) {
            return text(Notice.DIGEST.name(), (TaskSummary) null, null, Locale.SIMPLIFIED_CHINESE) + "\n" + message.note();
        }
        return text(message.notice(), message.taskId(), message.note(), Locale.SIMPLIFIED_CHINESE);
    }

    private static boolean counts(String notice) {
        try {
            return Notice.valueOf(notice).saysNote();
        } catch (IllegalArgumentException retired) {
            return false;
        }
    }

    /** A cadence in words: P7D "7 天", P1M "1 个月". */
    private static String cadence(String period, Locale locale) {
        if (period == null) {
            return "";
        }
        java.time.Period every = java.time.Period.parse(period);
        boolean chinese = locale.getLanguage().equals("zh");
        if (every.toTotalMonths() > 0 && every.getDays() == 0) {
            return every.toTotalMonths() + (chinese ? " 个月" : every.toTotalMonths() == 1 ? " month" : " months");
        }
        return every.getDays() + (chinese ? " 天" : every.getDays() == 1 ? " day" : " days");
    }

    /** The step a notice is about, as an inbox heads its notices: 沈阳市 · 发出邀请 · 邀请日本采购商. */
    String subject(TaskSummary task, Locale locale) {
        TaskDirective directive = task.directive();
        String unit = units.find(directive.unitId()).map(registered -> registered.nameFor(locale)).orElse(directive.unitId());
        return unit + " · " + kinds.step(task.step(), locale)
                + (directive.directiveTitle() == null ? "" : " · " + directive.directiveTitle());
    }

    /** For a task already read: an inbox reads each of its tasks once, however many notices it has about it. */
    String text(String notice, TaskSummary task, String note, Locale locale) {
        return text(notice, task, note, locale, task == null ? null : task.deadline().dueAt());
    }

    /** With the deadline the notice was sent under, which a later extension does not re-word. */
    String text(String notice, TaskSummary task, String note, Locale locale, Instant dueAt) {
        if (Notice.ROBOT_TEST.name().equals(notice)) {
            return messages.getMessage("notice.ROBOT_TEST", new Object[] {note}, notice, locale);
        }
        if (task == null) {
            String text = messages.getMessage("notice." + notice, new Object[] {"", "", "", ""}, notice, locale);
            return note == null || note.isBlank() ? text : text + messages.getMessage("notice.note", new Object[] {note}, "", locale);
        }
        TaskDirective directive = task.directive();
        String unit = units.find(directive.unitId()).map(registered -> registered.nameFor(locale)).orElse(directive.unitId());
        String step = kinds.step(task.step(), locale);
        String due = dueAt == null ? "" : DateTimeFormatter.ofPattern(locale.getLanguage().equals("zh")
                ? "yyyy年M月d日" : "yyyy-MM-dd").withZone(provinceZone).format(dueAt);
        boolean counted = counts(notice);
        Object said = Notice.REPORT_DUE.name().equals(notice) ? cadence(note, locale) : note;
        String text = messages.getMessage("notice." + notice, new Object[] {unit, step, directive.directiveTitle(), due,
                counted ? said : ""}, notice, locale);
        return counted || note == null || note.isBlank() ? text
                : text + messages.getMessage("notice.note", new Object[] {note}, "", locale);
    }
}
