package org.expoflow.workflow.security;

import org.expoflow.commands.api.Actor;

/** The roles of the design, each with the engine group its users act in (a city acts in its unit's group). */
public enum Role {
    COORDINATOR(Actor.COORDINATOR),
    CITY(null),
    LEADER(Actor.LEADER),
    ADMIN(Actor.ADMIN);

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The engine group of a user of this role; for a city user, the unit id. */
    public String groupFor(String unitId) {
        return this == CITY ? unitId : group;
    }
}
