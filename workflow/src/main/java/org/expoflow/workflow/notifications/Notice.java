package org.expoflow.workflow.notifications;

/**
 * What a notification tells: the kinds of news about a step that reach people. A reminder's note is the number
 * of days it says (left before the deadline, or overdue); a report reminder's, the cadence (P7D); a digest's, the
 * day's messages it gathers; a chase-up answered's, the unit's reply.
 */
public enum Notice {
    NEW_STEP, REVIEW_WAITING, RETURNED, DUE_SOON, OVERDUE, CHASED_UP, ESCALATED, INSTRUCTION, REMINDER_BEFORE,
    REMINDER_OVERDUE, REPORT_DUE, DIRECTIVE_INSTRUCTION, DIGEST, CHASE_UP_ANSWERED,
    /** A reminder (催办): no reply due. {@link #CHASED_UP} is a 督办, {@link #NOTIFIED} a 通报; both want a reply. */
    URGED, NOTIFIED,
    /** ADMIN's test of a unit's group robot; its note is the unit's name. */
    ROBOT_TEST;

    /** Whether the note is said within the sentence (a number of days, a cadence), rather than words added after it. */
    boolean saysNote() {
        return this == REMINDER_BEFORE || this == REMINDER_OVERDUE || this == REPORT_DUE;
    }
}
