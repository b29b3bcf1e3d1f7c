package org.expoflow.workflow.audit;

import java.time.Instant;

/** Which entries the auditor asks for: a time span, a person, an action; each left out means any. */
public record AuditQuery(Instant from, Instant to, String actor, String action, int limit) {

    public static final int MOST = 5_000;

    public AuditQuery {
        limit = limit <= 0 || limit > MOST ? MOST : limit;
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        action = action == null || action.isBlank() ? null : action.strip();
    }
}
