package org.expoflow.workflow.notifications;

/** What a notification tells: the kinds of news about a step that reach people. */
public enum Notice {
    NEW_STEP, REVIEW_WAITING, RETURNED, DUE_SOON, OVERDUE, CHASED_UP, ESCALATED, INSTRUCTION
}
