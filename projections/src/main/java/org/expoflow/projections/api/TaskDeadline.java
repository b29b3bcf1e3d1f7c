package org.expoflow.projections.api;

import java.time.Instant;

/**
 * A step's deadline as supervised at the instant it was read: {@code dueAt} the deadline in force,
 * {@code originalDueAt} the first one set (they differ once extended); {@code overdue} and {@code dueSoon} judged
 * against the deadline in force; {@code escalatedAt} when the overdue step was escalated against it;
 * {@code extensionRequest} the unit's request for a later deadline waiting for the office's decision, or null.
 */
public record TaskDeadline(Instant dueAt, Instant originalDueAt, boolean overdue, boolean dueSoon, Instant escalatedAt,
                           ExtensionRequest extensionRequest) {

    /** A unit asked, at {@code requestedAt}, for the deadline {@code dueAt}, for {@code reason} (延期申请). */
    public record ExtensionRequest(Instant dueAt, String reason, Instant requestedAt) {
    }

    /**
     * The deadline of a step, {@code open} or not, judged at {@code now}: an open step is overdue once its deadline
     * has passed, and due soon from {@code dueSoonSince} on while not overdue; a closed step is neither.
     */
    public static TaskDeadline judgedAt(Instant now, boolean open, Instant dueAt, Instant originalDueAt,
                                        Instant dueSoonSince, Instant escalatedAt, ExtensionRequest extensionRequest) {
        boolean overdue = open && dueAt != null && dueAt.isBefore(now);
        boolean dueSoon = open && !overdue && dueSoonSince != null && !dueSoonSince.isAfter(now);
        return new TaskDeadline(dueAt, originalDueAt, overdue, dueSoon, escalatedAt, extensionRequest);
    }

    /** Whether the deadline had passed at {@code when}, open step or not. */
    public boolean passedAt(Instant when) {
        return dueAt != null && dueAt.isBefore(when);
    }

    /** Whether the deadline fell after {@code after} and no later than {@code until}. */
    public boolean fellDueBetween(Instant after, Instant until) {
        return dueAt != null && dueAt.isAfter(after) && !dueAt.isAfter(until);
    }

    /** Whether the overdue step was escalated against this deadline. */
    public boolean escalated() {
        return escalatedAt != null;
    }

    /** Whether the unit's request for a later deadline waits for the office's decision. */
    public boolean extensionAsked() {
        return extensionRequest != null;
    }
}
