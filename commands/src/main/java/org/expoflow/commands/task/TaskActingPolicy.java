package org.expoflow.commands.task;

import java.util.Set;

import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.DomainRuleViolation;

/**
 * Who may act on a task: the members of its candidate group (a city's users on their own unit's
 * steps, the coordinators on review steps), of a unit asked to co-operate on it, and the engine itself. Nobody else, whatever tool
 * they use to reach the engine.
 */
final class TaskActingPolicy {

    private TaskActingPolicy() {
    }

    static void checkMayAct(Actor actor, Set<String> actingGroups, String taskId) {
        checkMayAct(actor, actingGroups, taskId, false);
    }

    /** As {@link #checkMayAct(Actor, Set, String)}, for a step that follows up another's deadline when {@code chaseUp}. */
    static void checkMayAct(Actor actor, Set<String> actingGroups, String taskId, boolean chaseUp) {
        if (actor == null) {
            throw DomainRuleViolation.forbidden("an anonymous user cannot act on task " + taskId);
        }
        if (actor.isEngine() || actingGroups.stream().anyMatch(actor::belongsTo)) {
            return;
        }
        throw DomainRuleViolation.forbidden(
                "user " + actor.userId() + " may not act on task " + taskId + " of " + String.join(", ", actingGroups))
                .coded(whoseStep(actor, actingGroups, chaseUp));
    }

    /**
     * Why the step is not the actor's, said of the step: the office's chase-up of a unit or its review, leadership's
     * step, a unit's step the office or leadership does not do for it, or another unit's step.
     */
    private static String whoseStep(Actor actor, Set<String> actingGroups, boolean chaseUp) {
        if (actingGroups.contains(Actor.COORDINATOR)) {
            return chaseUp ? "chaseUpOfTheOffice" : "stepOfTheOffice";
        }
        if (actingGroups.contains(Actor.LEADER)) {
            return "stepOfLeadership";
        }
        return actor.isCoordinator() || actor.belongsTo(Actor.LEADER) ? "stepOfTheUnit" : "mayNotAct";
    }

    /** A step is claimed by the one who will do it: no one claims it in another person's name. */
    static void checkClaimsForOneself(Actor actor, String assignee, String taskId) {
        if (actor != null && (actor.isEngine() || actor.userId().equals(assignee))) {
            return;
        }
        throw DomainRuleViolation.forbidden("task " + taskId + " is claimed by the one who will do it, not for " + assignee)
                .coded("claimForOneself");
    }

    /**
     * A task's claim can be released by its holder or by a member of the unit whose step it is; no one releases
     * another unit's claim, neither a co-operating unit nor the office: the office reassigns the step instead,
     * which is on record with its reason.
     */
    static void checkMayRelease(Actor actor, String assignee, Set<String> owningGroup, String taskId) {
        if (actor != null && actor.userId().equals(assignee)) {
            return;
        }
        checkMayAct(actor, owningGroup, taskId);
    }
}
