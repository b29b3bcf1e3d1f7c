package org.expoflow.commands.meeting;

import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.DomainRuleViolation;

/**
 * Who keeps a meeting's record: leadership, who chairs it, and the expo office, whose secretary writes
 * it down. Cities report through the secretary; they do not write the record themselves.
 */
final class MeetingPolicy {

    private MeetingPolicy() {
    }

    static void checkMayRecord(Actor actor, String action) {
        if (actor != null && (actor.belongsTo(Actor.LEADER) || actor.isCoordinator())) {
            return;
        }
        throw DomainRuleViolation.forbidden("only leadership or the expo office may " + action
                + (actor == null ? "" : "; " + actor.userId() + " is neither")).coded("forLeadershipOrOffice");
    }
}
