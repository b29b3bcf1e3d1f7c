package org.expoflow.projections.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.support.JsonColumns;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a meeting brief recounts from the steps' history between the meeting before and this one: leadership's
 * instructions with the unit's first word after each, the chase-ups with their acknowledgements and replies,
 * and the extensions asked for with their decisions. Read from the history lines {@link TaskListProjection}
 * keeps, as they stood at the brief's instant, so a brief taken again says the same; it writes nothing.
 */
@Component
public class BriefHistoryReadings {

    private final NamedParameterJdbcTemplate jdbc;

    public BriefHistoryReadings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Leadership's instructions on an expo's steps and directives after {@code since} and up to {@code asOf}, oldest
     * first, each on a step with the unit's first word on it after the instruction, up to {@code asOf}.
     */
    public List<MeetingBrief.BriefInstruction> instructionsOfExpo(String expoId, Instant since, Instant asOf) {
        List<MeetingBrief.BriefInstruction> instructions = new ArrayList<>();
        jdbc.query("select h.task_id, h.occurred_at, h.details, t.unit_id, t.step_name, t.step_key, d.title as directive_title,"
                        + " d.kind as directive_kind from task_history h join task_view t on t.task_id = h.task_id"
                        + " left join directive_view d on d.directive_id = t.directive_id"
                        + " where t.expo_id = :expo and h.type = 'TaskCommented' and h.occurred_at > :since"
                        + " and h.occurred_at <= :asOf order by h.occurred_at, h.task_id, h.seq",
                new MapSqlParameterSource("expo", expoId).addValue("since", Times.utc(since)).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    Map<String, Object> details = JsonColumns.details(rs.getString("details"));
                    if (Boolean.TRUE.equals(details.get("instruction"))) {
                        instructions.add(new MeetingBrief.BriefInstruction(Times.instant(rs, "occurred_at"),
                                rs.getString("task_id"), rs.getString("unit_id"), rs.getString("directive_title"),
                                rs.getString("step_name"), String.valueOf(details.get("author")), String.valueOf(details.get("text")),
                                rs.getString("directive_kind"), rs.getString("step_key"), null, null, false));
                    }
                });
        List<MeetingBrief.BriefInstruction> answered = withFeedback(instructions, asOf);
        // leadership's instructions on whole directives: no unit, no step
        jdbc.query("select c.at, c.author, c.text, d.title, d.kind from directive_comment c join directive_view d"
                        + " on d.directive_id = c.directive_id where c.expo_id = :expo and c.instruction = true"
                        + " and c.at > :since and c.at <= :asOf",
                new MapSqlParameterSource("expo", expoId).addValue("since", Times.utc(since)).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    answered.add(new MeetingBrief.BriefInstruction(Times.instant(rs, "at"), null, null, rs.getString("title"),
                            null, rs.getString("author"), rs.getString("text"), rs.getString("kind"), null, null, null, false));
                });
        answered.sort(Comparator.comparing(MeetingBrief.BriefInstruction::at));
        return answered;
    }

    /**
     * Each instruction with the unit's first word on its step after it: a progress report's note, a comment that is no
     * instruction, or the step done.
     */
    private List<MeetingBrief.BriefInstruction> withFeedback(List<MeetingBrief.BriefInstruction> instructions, Instant asOf) {
        if (instructions.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, List<Object[]>> words = new HashMap<>();
        jdbc.query("select task_id, occurred_at, type, details from task_history where task_id in (:tasks)"
                        + " and type in ('ProgressReported', 'TaskCommented', 'TaskCompleted') and occurred_at <= :asOf"
                        + " order by occurred_at, seq",
                new MapSqlParameterSource("tasks", instructions.stream().map(MeetingBrief.BriefInstruction::taskId).distinct()
                        .toList()).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    Map<String, Object> details = JsonColumns.details(rs.getString("details"));
                    String type = rs.getString("type");
                    if (type.equals("TaskCommented") && Boolean.TRUE.equals(details.get("instruction"))) {
                        return;
                    }
                    Object text = switch (type) {
                        case "ProgressReported" -> details.get("note");
                        case "TaskCommented" -> details.get("text");
                        default -> null;
                    };
                    words.computeIfAbsent(rs.getString("task_id"), t -> new ArrayList<>()).add(new Object[] {
                            Times.instant(rs, "occurred_at"), text == null ? null : String.valueOf(text), type.equals("TaskCompleted")});
                });
        List<MeetingBrief.BriefInstruction> answered = new ArrayList<>();
        for (MeetingBrief.BriefInstruction instruction : instructions) {
            Object[] first = words.getOrDefault(instruction.taskId(), List.of()).stream()
                    .filter(word -> ((Instant) word[0]).isAfter(instruction.at())).findFirst().orElse(null);
            answered.add(first == null ? instruction : new MeetingBrief.BriefInstruction(instruction.at(), instruction.taskId(),
                    instruction.unitId(), instruction.directiveTitle(), instruction.stepName(), instruction.author(),
                    instruction.text(), instruction.kind(), instruction.stepKey(), (Instant) first[0], (String) first[1],
                    (Boolean) first[2]));
        }
        return answered;
    }

    /**
     * The chase-ups of every grade on an expo's steps after {@code since} and up to {@code asOf}, oldest first, each with
     * the unit's acknowledgement and reply when given by {@code asOf}.
     */
    public List<MeetingBrief.BriefChaseUp> chaseUpsOfExpo(String expoId, Instant since, Instant asOf) {
        List<MeetingBrief.BriefChaseUp> chaseUps = new ArrayList<>();
        Map<String, List<Object[]>> acknowledgements = new HashMap<>();
        jdbc.query("select h.task_id, h.occurred_at, h.type, h.details, t.unit_id, t.step_name, t.step_key,"
                        + " d.title as directive_title, d.kind as directive_kind from task_history h"
                        + " join task_view t on t.task_id = h.task_id left join directive_view d on d.directive_id = t.directive_id"
                        + " where t.expo_id = :expo and h.type in ('TaskChasedUp', 'ChaseUpAcknowledged')"
                        + " and h.occurred_at <= :asOf order by h.occurred_at, h.task_id, h.seq",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    Map<String, Object> details = JsonColumns.details(rs.getString("details"));
                    Instant at = Times.instant(rs, "occurred_at");
                    if (rs.getString("type").equals("ChaseUpAcknowledged")) {
                        acknowledgements.computeIfAbsent(rs.getString("task_id"), t -> new ArrayList<>())
                                .add(new Object[] {at, details.get("reply") == null ? null : String.valueOf(details.get("reply"))});
                    } else if (at.isAfter(since)) {
                        chaseUps.add(new MeetingBrief.BriefChaseUp(at, rs.getString("task_id"), rs.getString("unit_id"),
                                rs.getString("directive_title"), rs.getString("step_name"), rs.getString("directive_kind"),
                                rs.getString("step_key"), ChaseUpGrade.valueOf(String.valueOf(details.get("grade"))),
                                String.valueOf(details.get("chasedBy")), String.valueOf(details.get("message")), null, null));
                    }
                });
        List<MeetingBrief.BriefChaseUp> answered = new ArrayList<>();
        for (MeetingBrief.BriefChaseUp chaseUp : chaseUps) {
            Object[] acknowledged = chaseUp.grade().requiresReply() ? acknowledgements.getOrDefault(chaseUp.taskId(), List.of())
                    .stream().filter(a -> !((Instant) a[0]).isBefore(chaseUp.at())).findFirst().orElse(null) : null;
            answered.add(acknowledged == null ? chaseUp : new MeetingBrief.BriefChaseUp(chaseUp.at(), chaseUp.taskId(),
                    chaseUp.unitId(), chaseUp.directiveTitle(), chaseUp.stepName(), chaseUp.kind(), chaseUp.stepKey(),
                    chaseUp.grade(), chaseUp.chasedBy(), chaseUp.message(), (Instant) acknowledged[0], (String) acknowledged[1]));
        }
        return answered;
    }

    /**
     * The extension requests on an expo's steps asked or decided after {@code since} and up to {@code asOf}, or still
     * waiting at {@code asOf}, in the order they were asked.
     */
    public List<MeetingBrief.BriefExtension> extensionsOfExpo(String expoId, Instant since, Instant asOf) {
        List<MeetingBrief.BriefExtension> requests = new ArrayList<>();
        Map<String, Integer> waiting = new HashMap<>();
        jdbc.query("select h.task_id, h.occurred_at, h.type, h.details, t.unit_id, t.step_name, t.step_key,"
                        + " d.title as directive_title, d.kind as directive_kind from task_history h"
                        + " join task_view t on t.task_id = h.task_id left join directive_view d on d.directive_id = t.directive_id"
                        + " where t.expo_id = :expo and h.type in ('ExtensionRequested', 'ExtensionRequestDecided')"
                        + " and h.occurred_at <= :asOf order by h.occurred_at, h.task_id, h.seq",
                new MapSqlParameterSource("expo", expoId).addValue("asOf", Times.utc(asOf)),
                rs -> {
                    Map<String, Object> details = JsonColumns.details(rs.getString("details"));
                    Instant at = Times.instant(rs, "occurred_at");
                    String taskId = rs.getString("task_id");
                    if (rs.getString("type").equals("ExtensionRequested")) {
                        waiting.put(taskId, requests.size());
                        requests.add(new MeetingBrief.BriefExtension(at, taskId, rs.getString("unit_id"),
                                rs.getString("directive_title"), rs.getString("step_name"), rs.getString("directive_kind"),
                                rs.getString("step_key"), text(details.get("requestedBy")), instant(details.get("currentDueAt")),
                                instant(details.get("dueAt")), text(details.get("reason")), null, null, null, null));
                    } else if (waiting.containsKey(taskId)) {
                        int index = waiting.remove(taskId);
                        MeetingBrief.BriefExtension asked = requests.get(index);
                        requests.set(index, new MeetingBrief.BriefExtension(asked.at(), taskId, asked.unitId(),
                                asked.directiveTitle(), asked.stepName(), asked.kind(), asked.stepKey(), asked.requestedBy(),
                                asked.currentDueAt(), asked.dueAt(), asked.reason(), Boolean.TRUE.equals(details.get("approved")),
                                at, text(details.get("decidedBy")), text(details.get("comment"))));
                    }
                });
        return requests.stream().filter(request -> request.at().isAfter(since) || request.approved() == null
                || request.decidedAt().isAfter(since)).toList();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(String.valueOf(value));
    }
}
