package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a coordination meeting reads, as of the instant it was convened: the board, the figures against
 * targets, the overdue list, what changed since the previous meeting of the expo, the units' reports and
 * the decisions, leadership's instructions on the units' steps and the units named (通报) since the previous
 * meeting. Produced again later, it is the same.
 */
public record MeetingBrief(MeetingRecord meeting, String previousMeetingId, Instant previousAsOf, Board board,
                           FiguresReport figures, DeadlineList overdue, Changes changes, List<BriefInstruction> instructions,
                           List<BriefNotified> notified) {

    /**
     * A unit the office named (通报, the highest grade of chase-up) since the previous meeting: on which step, when,
     * by whom, with what message. {@code kind} and {@code stepKey} name the step in its reader's language.
     */
    public record BriefNotified(Instant at, String taskId, String unitId, String directiveTitle, String stepName,
                                String kind, String stepKey, String chasedBy, String message) {
    }

    /** A leader's instruction (批示) on a unit's step: who gave it, when, on what. */
    public record BriefInstruction(Instant at, String taskId, String unitId, String directiveTitle, String stepName,
                                   String author, String text) {
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
