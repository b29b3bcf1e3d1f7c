package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.task.ChaseUpGrade;

/**
 * What a coordination meeting reads, as of the instant it was convened: the board, the figures against
 * targets, the overdue list, what changed since the previous meeting of the expo, the units' reports and
 * the decisions, leadership's instructions on the units' steps with the units' feedback, the units named (通报),
 * every chase-up of any grade (催办, 督办, 通报) with its reply, and the units' extension requests (延期申请) with the
 * office's decisions since the previous meeting, and how the units' own steps stand overall ({@code progress}).
 * Produced again later, it is the same.
 */
public record MeetingBrief(MeetingRecord meeting, String previousMeetingId, Instant previousAsOf, Board board,
                           FiguresReport figures, DeadlineList overdue, Changes changes, List<BriefInstruction> instructions,
                           List<BriefNotified> notified, List<BriefChaseUp> chaseUps, List<BriefExtension> extensions,
                           Progress progress) {

    /**
     * The units' own steps as of the meeting (not the office's reviews, not chase-ups, not withdrawn): how many there
     * are, done and overdue; how many fell due since the previous meeting (or since the start) and how many of those
     * are done; and how many were done since then, whenever due.
     */
    public record Progress(int steps, int done, int overdue, int dueSince, int doneOfDueSince, int doneSince) {
    }

    /**
     * A chase-up of any grade since the previous meeting: on which step, when, by whom, with what message, and the
     * unit's reply when it acknowledged it by the meeting ({@code acknowledgedAt} null: not yet; a reminder, 催办,
     * wants none).
     */
    public record BriefChaseUp(Instant at, String taskId, String unitId, String directiveTitle, String stepName,
                               String kind, String stepKey, ChaseUpGrade grade, String chasedBy, String message,
                               Instant acknowledgedAt, String reply) {
    }

    /**
     * A unit's extension request (延期申请) asked or decided since the previous meeting, or still waiting at the meeting:
     * the deadline it had, the one asked for and why; the office's decision once given ({@code approved} null: waiting).
     */
    public record BriefExtension(Instant at, String taskId, String unitId, String directiveTitle, String stepName,
                                 String kind, String stepKey, String requestedBy, Instant currentDueAt, Instant dueAt,
                                 String reason, Boolean approved, Instant decidedAt, String decidedBy, String comment) {
    }

    /**
     * A unit the office named (通报, the highest grade of chase-up) since the previous meeting: on which step, when,
     * by whom, with what message. {@code kind} and {@code stepKey} name the step in its reader's language.
     */
    public record BriefNotified(Instant at, String taskId, String unitId, String directiveTitle, String stepName,
                                String kind, String stepKey, String chasedBy, String message) {
    }

    /**
     * A leader's instruction (批示) on a unit's step, or on a whole directive (no unit, no step): who gave it, when, on
     * what; and the unit's feedback by the meeting, its first word on the step after it (a progress report's note, a
     * comment, or the step done), none yet when {@code feedbackAt} is null.
     */
    public record BriefInstruction(Instant at, String taskId, String unitId, String directiveTitle, String stepName,
                                   String author, String text, String kind, String stepKey, Instant feedbackAt,
                                   String feedback, boolean feedbackDone) {
    }

    /** Since the previous meeting (or since the start, for the first). */
    public record Changes(List<BriefTask> newTasks, List<BriefTask> finishedTasks, List<BriefTask> newlyOverdue,
                          Map<String, Map<String, BigDecimal>> figureDeltas) {
    }

    /** {@code kind} and {@code stepKey}: the BPMN ids a page names the step by, in its reader's language. */
    public record BriefTask(String taskId, String unitId, String directiveTitle, String stepName, Instant dueAt,
                            TaskStatus status, String kind, String stepKey) {
    }
}
