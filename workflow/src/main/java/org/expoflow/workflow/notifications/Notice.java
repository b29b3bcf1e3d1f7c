package org.expoflow.workflow.notifications;

/**
 * What a notification tells: the kinds of news about a step that reach people. A reminder's note is the number
 * of days it says (left before the deadline, or overdue); a digest's, the day's messages it gathers.
 */
public enum Notice {
    NEW_STEP, REVIEW_WAITING, RETURNED, DUE_SOON, OVERDUE, CHASED_UP, ESCALATED, INSTRUCTION, REMINDER_BEFORE,
    REMINDER_OVERDUE, DIGEST;

    /** Whether the note is a number the sentence says, rather than words added after it. */
    boolean countsDays() {
        return this == REMINDER_BEFORE || this == REMINDER_OVERDUE;
    }
}
