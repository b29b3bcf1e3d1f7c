package org.expoflow.workflow.security;

import org.expoflow.commands.api.Actor;

/**
 * The roles of the design, each with the engine group its users act in (a city acts in its unit's group).
 * The system's three administrators are kept apart (三员分立): ADMIN runs the system (kinds, units, robots, read
 * models), SECURITY_ADMIN manages the people who sign in and the password rules, AUDITOR reads the security
 * audit log; neither of the last two does the office's work, and none of the three can change the log.
 */
public enum Role {
    COORDINATOR(Actor.COORDINATOR),
    CITY(null),
    LEADER(Actor.LEADER),
    ADMIN(Actor.ADMIN),
    SECURITY_ADMIN("security-admin"),
    AUDITOR("auditor");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The engine group of a user of this role; for a city user, the unit id. */
    public String groupFor(String unitId) {
        return this == CITY ? unitId : group;
    }

    /** Whether this role does the office's work (steps, board, system); the security administrator and auditor do not. */
    public boolean doesTheWork() {
        return this != SECURITY_ADMIN && this != AUDITOR;
    }
}
