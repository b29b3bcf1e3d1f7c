package org.expoflow.workflow.tasks;

import org.expoflow.workflow.http.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.projections.api.TaskHistoryEntry;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.kinds.FigureWords;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A task's history as a person reads it, in the reader's language: "沈阳市 报告进展 40%：……" rather
 * than an event's name and its fields. People by their display names, units by the register's names, times
 * in the province's zone, figures by their names.
 */
@Component("history")
public class HistorySentences {

    private final MessageSource messages;
    private final UserDirectory users;
    private final UnitRegister units;
    private final Formats formats;
    private final KindTexts kindTexts;
    private final FigureWords figureWords;

    HistorySentences(MessageSource messages, UserDirectory users, UnitRegister units, Formats formats, KindTexts kindTexts,
                     FigureWords figureWords) {
        this.figureWords = figureWords;
        this.messages = messages;
        this.users = users;
        this.units = units;
        this.formats = formats;
        this.kindTexts = kindTexts;
    }

    /** One line of a task's history: when, and what happened in words. */
    public record Line(Instant at, String text) {
    }

    /** A task's history in words, oldest first; the step named in the reader's language. */
    public List<Line> of(List<TaskHistoryEntry> history, TaskSummary task) {
        Map<String, String> people = users.displayNames();
        Map<String, String> unitNames = units.namesFor(locale());
        Set<String> unitsPeople = users.list().stream().filter(user -> user.role() == Role.CITY)
                .map(UserDirectory.UserEntry::username).collect(Collectors.toSet());
        Names names = new Names(people, unitsPeople, unitNames, kindTexts.step(task.step()));
        return history.stream().map(entry -> new Line(entry.at(), sentence(entry, names))).toList();
    }

    /** {@code unitsPeople}: the units' clerks, whose completing a step hands the next to its unit, not they. */
    private record Names(Map<String, String> people, Set<String> unitsPeople, Map<String, String> units, String step) {
    }

    private String sentence(TaskHistoryEntry entry, Names names) {
        Map<String, Object> details = entry.details() == null ? Map.of() : entry.details();
        String actor = person(entry.actor(), names);
        return switch (entry.type()) {
            // a unit's clerk completing a step moves the process on: the next step is the process's hand-over, not the clerk's
            case "TaskAssigned" -> names.unitsPeople().contains(entry.actor()) ? (details.get("dueAt") == null
                    ? text("history.TaskAssigned.next.noDue", names.step(), unit(details.get("candidateGroup"), names))
                    : text("history.TaskAssigned.next", names.step(), unit(details.get("candidateGroup"), names),
                    time(details.get("dueAt"))))
                    : details.get("dueAt") == null
                    ? text("history.TaskAssigned.noDue", actor, names.step(), unit(details.get("candidateGroup"), names))
                    : text("history.TaskAssigned", actor, names.step(), unit(details.get("candidateGroup"), names),
                    time(details.get("dueAt")));
            case "TaskClaimed", "TaskUnclaimed", "TaskCancelled", "TaskWithdrawn" -> text("history." + entry.type(), actor)
                    + tail("history.tail", details.get("reason"));
            case "ProgressReported" -> text("history.ProgressReported", actor, details.get("percent"))
                    + tail("history.tail", details.get("note")) + tail("history.problems", details.get("problems"))
                    + tail("history.suggestions", details.get("suggestions")) + figures(details.get("figures"));
            case "TaskCompleted" -> (details.get("decision") == null ? text("history.TaskCompleted", actor)
                    : text("history.TaskCompleted." + details.get("decision"), actor))
                    + tail("history.tail", details.get("comment")) + figures(details.get("figures"));
            case "TaskReturnedForRework" -> text("history.TaskReturnedForRework") + tail("history.tail", details.get("comment"));
            case "StepReturned" -> text("history.StepReturned") + tail("history.tail", details.get("comment"));
            case "AttachmentAdded" -> text("history.AttachmentAdded", actor, details.get("name"));
            case "AttachmentOpened" -> text("history.AttachmentOpened",
                    person(String.valueOf(details.getOrDefault("openedBy", entry.actor())), names), details.get("name"));
            case "TaskCommented" -> text(Boolean.TRUE.equals(details.get("instruction")) ? "history.TaskCommented.instruction"
                    : "history.TaskCommented", person(String.valueOf(details.getOrDefault("author", entry.actor())), names),
                    details.get("text"));
            case "TaskDueSoon", "TaskOverdue", "TaskEscalated" -> text("history." + entry.type(), time(details.get("dueAt")));
            // a line written before grades were kept has none: it was a 督办
            case "TaskChasedUp" -> text("history.TaskChasedUp." + details.getOrDefault("grade", ChaseUpGrade.DEFAULT.name()),
                    person(String.valueOf(details.getOrDefault("chasedBy", entry.actor())), names))
                    + tail("history.tail", details.get("message"));
            case "ChaseUpAcknowledged" -> text("history.ChaseUpAcknowledged", actor) + tail("history.tail", details.get("reply"));
            case "DeadlineExtended" -> text("history.DeadlineExtended", actor, time(details.get("dueAt")))
                    + tail("history.tail", details.get("reason"));
            case "TaskReassigned" -> text("history.TaskReassigned", actor, unit(details.get("candidateGroup"), names))
                    + tail("history.tail", details.get("reason"));
            case "ExtensionRequested" -> text("history.ExtensionRequested", actor, time(details.get("dueAt")))
                    + tail("history.tail", details.get("reason"));
            case "ExtensionRequestDecided" -> text(Boolean.TRUE.equals(details.get("approved"))
                    ? "history.ExtensionRequestDecided.approved" : "history.ExtensionRequestDecided.refused", actor,
                    time(details.get("dueAt"))) + tail("history.tail", details.get("comment"));
            case "CooperatingUnitAdded" -> text("history.CooperatingUnitAdded", actor, unit(details.get("cooperatingUnitId"), names));
            default -> text("history.other", actor, entry.type());
        };
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    /** An optional part of a sentence: nothing when there is nothing to say. */
    private String tail(String key, Object value) {
        return value == null || value.toString().isBlank() ? "" : text(key, value);
    }

    private String figures(Object figures) {
        if (!(figures instanceof Map<?, ?> reported) || reported.isEmpty()) {
            return "";
        }
        String listed = reported.entrySet().stream().map(figure -> {
            String key = String.valueOf(figure.getKey());
            BigDecimal value = figure.getValue() == null ? null : new BigDecimal(String.valueOf(figure.getValue()));
            return messages.getMessage("figure." + key, null, key, locale()) + " " + figureWords.measured(key, value);
        }).collect(Collectors.joining(text("history.separator")));
        return text("history.figures", listed);
    }

    private String person(String username, Names names) {
        if (username == null || username.equals("engine")) {
            return text("history.system");
        }
        return names.people().getOrDefault(username, username);
    }

    private String unit(Object unitId, Names names) {
        if (unitId == null) {
            return "";
        }
        String id = unitId.toString();
        if (id.equals("coordinator") || id.equals("leader")) {
            return text("history.group." + id);
        }
        return names.units().getOrDefault(id, id);
    }

    private String time(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return formats.instant(Instant.parse(instant.toString()));
        } catch (DateTimeParseException notAnInstant) {
            return instant.toString();
        }
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** Every kind of history line this says in words, for the test that each has its sentence in both languages. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("history.TaskAssigned", "history.TaskAssigned.noDue",
                "history.TaskAssigned.next", "history.TaskAssigned.next.noDue", "history.TaskClaimed",
                "history.TaskUnclaimed", "history.TaskCancelled", "history.TaskWithdrawn", "history.ProgressReported",
                "history.TaskCompleted", "history.TaskCompleted.APPROVE", "history.TaskCompleted.RETURN",
                "history.TaskReturnedForRework", "history.StepReturned", "history.AttachmentAdded", "history.AttachmentOpened", "history.TaskDueSoon", "history.TaskOverdue",
                "history.TaskEscalated", "history.TaskChasedUp.URGE", "history.TaskChasedUp.SUPERVISE",
                "history.TaskChasedUp.NOTIFY", "history.ChaseUpAcknowledged", "history.DeadlineExtended",
                "history.TaskReassigned", "history.CooperatingUnitAdded", "history.ExtensionRequested",
                "history.ExtensionRequestDecided.approved", "history.ExtensionRequestDecided.refused", "history.TaskCommented", "history.TaskCommented.instruction", "history.other", "history.tail",
                "history.problems", "history.suggestions", "history.figures", "history.separator", "history.system",
                "history.group.coordinator", "history.group.leader"));
        return keys;
    }
}
