package org.expoflow.projections.tasks;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;

/**
 * What the board judges a unit's cell on a directive by, gathered from its steps (not the chase-ups): the office's
 * reviews of it open, its own steps sent back and not yet taken up again, whether it started, the percent of its open
 * steps and of all of them, its latest report, the earliest deadline and due-soon among its open steps, whether one of
 * them was escalated, how often its work was sent back, and its latest completed step. Kept per cell as the steps change
 * ({@link KeptBoardCells}) or gathered from the steps as they stood at an instant ({@link #of}), the same way.
 * {@code openDueSoon}: an open step was due soon at the instant asked (kept cells hold the earliest time one became
 * so, judged when read).
 */
public record BoardCellFacts(int officeStepsOpen, int returnedOpen, int started, int openPercent, int anyPercent,
                             Instant lastReportAt, Instant openDueAt, boolean openDueSoon, int openEscalated, int returns,
                             Instant lastCompletedAt) {

    /** The facts of one cell from its steps as they stood at the instant the summaries were read. */
    public static BoardCellFacts of(List<TaskSummary> tasks) {
        List<TaskSummary> unitSteps = tasks.stream().filter(t -> !t.isOfficeStep()).toList();
        List<TaskSummary> open = unitSteps.stream().filter(TaskSummary::isActive).toList();
        return new BoardCellFacts(
                (int) tasks.stream().filter(t -> t.isOfficeStep() && t.isActive()).count(),
                (int) open.stream().filter(t -> t.awaitsRework() && t.status() == TaskStatus.OPEN).count(),
                (int) unitSteps.stream().filter(t -> t.status() != TaskStatus.OPEN || t.progress().reported()).count(),
                open.stream().mapToInt(t -> t.progress().percent()).max().orElse(0),
                unitSteps.stream().mapToInt(t -> t.progress().percent()).max().orElse(0),
                unitSteps.stream().map(t -> t.progress().latestReportAt()).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null),
                open.stream().map(t -> t.deadline().dueAt()).filter(Objects::nonNull).min(Comparator.naturalOrder())
                        .orElse(null),
                open.stream().anyMatch(t -> t.deadline().dueSoon()),
                (int) open.stream().filter(t -> t.deadline().escalated()).count(),
                (int) unitSteps.stream().filter(t -> t.returnComment() != null).count(),
                unitSteps.stream().filter(t -> t.status() == TaskStatus.COMPLETED).map(TaskSummary::closedAt)
                        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
    }

    /** The latest the unit was heard of on the directive: its latest report or completed step, else the issue. */
    public Instant lastActivity(Instant issuedAt) {
        Instant last = issuedAt;
        for (Instant heard : new Instant[] {lastReportAt, lastCompletedAt}) {
            if (heard != null && (last == null || heard.isAfter(last))) {
                last = heard;
            }
        }
        return last;
    }
}
