package org.expoflow.workflow.security;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user: their role and, for a city clerk, the one unit whose tasks they may see and do. */
public class ExpoFlowUser extends User {

    private final Role role;
    private final String unitId;
    private final boolean mustChangePassword;
    private final Instant passwordChangedAt;

    public ExpoFlowUser(String username, String passwordHash, Role role, String unitId) {
        this(username, passwordHash, role, unitId, true);
    }

    public ExpoFlowUser(String username, String passwordHash, Role role, String unitId, boolean enabled) {
        this(username, passwordHash, role, unitId, enabled, false, null);
    }

    public ExpoFlowUser(String username, String passwordHash, Role role, String unitId, boolean enabled,
                        boolean mustChangePassword, Instant passwordChangedAt) {
        super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.unitId = unitId;
        this.mustChangePassword = mustChangePassword;
        this.passwordChangedAt = passwordChangedAt;
    }

    /** Whether the user must choose a new password before anything else: at first sign-in and after a reset. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** When the password was last set; null when not known (it then counts as set now). */
    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Role role() {
        return role;
    }

    /** The unit of a city clerk; null for everyone else. */
    public String unitId() {
        return unitId;
    }

    public boolean isCity() {
        return role == Role.CITY;
    }

    /** The engine group this user acts in: the unit id, coordinator, leader or admin. */
    public String engineGroup() {
        return role.groupFor(unitId);
    }
}
