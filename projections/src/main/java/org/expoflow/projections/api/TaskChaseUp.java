package org.expoflow.projections.api;

import java.time.Instant;

import org.expoflow.commands.api.task.ChaseUpGrade;

/**
 * The office's latest chase-up of a step: {@code chaseUpGrade} its grade, or null when there was none; a formal one
 * (督办, 通报) sets {@code chasedUpAt} and {@code chaseUpMessage} and waits for the unit's reply
 * ({@code chaseUpAcknowledgedAt}), a reminder (催办) leaves them empty: no reply is due.
 */
public record TaskChaseUp(Instant chasedUpAt, String chaseUpMessage, Instant chaseUpAcknowledgedAt,
                          ChaseUpGrade chaseUpGrade) {

    /** Whether the office chased the step up at all, a reminder (催办) included. */
    public boolean sent() {
        return chasedUpAt != null || chaseUpGrade != null;
    }

    /** Whether a chase-up the unit must reply to (督办, 通报) was sent. */
    public boolean replyAsked() {
        return chasedUpAt != null;
    }
}
