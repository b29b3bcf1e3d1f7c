package org.expoflow.commands.task;

import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.DomainRuleViolation;

/**
 * Who may act on a task: the members of its candidate group (a city's users on their own unit's
 * steps, the coordinators on review steps), and the engine itself. Nobody else, whatever tool
 * they use to reach the engine.
 */
final class TaskActingPolicy {

    private TaskActingPolicy() {
    }

    static void checkMayAct(Actor actor, String candidateGroup, String taskId) {
        if (actor == null) {
            throw DomainRuleViolation.forbidden("an anonymous user cannot act on task " + taskId);
        }
        if (actor.isEngine() || actor.belongsTo(candidateGroup)) {
            return;
        }
        throw DomainRuleViolation.forbidden(
                "user " + actor.userId() + " may not act on task " + taskId + " of group " + candidateGroup);
    }

    /** A task's claim can be released by its holder, or by a coordinator chasing stalled work. */
    static void checkMayRelease(Actor actor, String assignee, String candidateGroup, String taskId) {
        if (actor != null && (actor.isCoordinator() || actor.userId().equals(assignee))) {
            return;
        }
        checkMayAct(actor, candidateGroup, taskId);
    }
}
