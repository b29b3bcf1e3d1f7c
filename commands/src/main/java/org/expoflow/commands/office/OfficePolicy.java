package org.expoflow.commands.office;

import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.DomainRuleViolation;

/**
 * The expo office directs the preparation: only a coordinator plans expos, enrols units and issues
 * directives. Cities act on their own tasks, leadership reads; neither directs.
 */
public final class OfficePolicy {

    private OfficePolicy() {
    }

    public static void checkCoordinator(Actor actor, String action) {
        if (actor == null || !actor.isCoordinator()) {
            throw DomainRuleViolation.forbidden("only the expo office (a coordinator) may " + action
                    + (actor == null ? "" : "; " + actor.userId() + " is not one")).coded("forTheOffice");
        }
    }
}
