package org.expoflow.workflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.engine.EngineIdentity;
import org.expoflow.workflow.security.UserDirectory.UserEntry;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's work on the people who sign in, and each person's change of their own password;
 * the REST API and the pages both come here. A user is created with a password the administrator chose, which
 * they must change at first sign-in; a reset works the same way; a user who left is disabled, never removed, so
 * the log keeps naming them. Every change goes into the security audit log with the password left out.
 */
@Service
public class UserAdministration {

    public record NewUser(String username, String password, Role role, String unitId, String displayName) {
    }

    private static final String SLUG = "[a-z][a-z0-9-]{1,39}";

    private final UserDirectory users;
    private final PasswordRules rules;
    private final EngineIdentity engineIdentity;
    private final UnitRegister units;
    private final ApplicationEventPublisher events;

    public UserAdministration(UserDirectory users, PasswordRules rules, EngineIdentity engineIdentity, UnitRegister units,
                              ApplicationEventPublisher events) {
        this.users = users;
        this.rules = rules;
        this.engineIdentity = engineIdentity;
        this.units = units;
        this.events = events;
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public List<UserEntry> list() {
        return users.list();
    }

    /** Adds a user; a CITY user belongs to exactly one unit, the others to none. */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public void create(NewUser user) {
        if (user.username() == null || !user.username().matches(SLUG)) {
            throw DomainRuleViolation.invalid("username", "must be a lower-case slug such as 'shenyang-clerk'").coded("usernameSlug");
        }
        if (user.role() == null) {
            throw DomainRuleViolation.invalid("role", "choose a role").coded("chooseRole");
        }
        String unitId = unitOf(user.role(), user.unitId());
        if (user.displayName() != null && user.displayName().length() > 200) {
            throw DomainRuleViolation.invalid("displayName", "at most 200 characters").coded("displayNameLength", 200);
        }
        rules.check(null, user.password());
        if (users.find(user.username()).isPresent()) {
            throw DomainRuleViolation.conflict("user " + user.username() + " already exists").coded("userExists", user.username());
        }
        String displayName = user.displayName() == null || user.displayName().isBlank() ? null : user.displayName().strip();
        users.add(user.username(), user.password(), user.role(), unitId, displayName, true);
        if (user.role() == Role.ADMIN) {
            engineIdentity.admitToTheWebapps(user.username(), displayName);
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("user", user.username());
        what.put("role", user.role().name());
        if (unitId != null) {
            what.put("unit", unitId);
        }
        audit(AuditedActions.USER_CREATED, what);
    }

    /** Sets a password the user must change at their next sign-in. */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public void resetPassword(String username, String password) {
        existing(username);
        rules.check(username, password);
        users.setPassword(username, password, true);
        audit(AuditedActions.PASSWORD_RESET, Map.of("user", username));
    }

    /** Lets a user sign in again, or no more (a disabled user is answered like a wrong password). */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        existing(username);
        if (!enabled && username.equals(signedIn())) {
            throw DomainRuleViolation.invalid("username", "you cannot disable yourself").coded("cannotDisableSelf");
        }
        users.setEnabled(username, enabled);
        audit(enabled ? AuditedActions.USER_ENABLED : AuditedActions.USER_DISABLED, Map.of("user", username));
    }

    /**
     * Gives a user another role, or a clerk another unit, checked as a new user's are; the security administrator's own
     * role stays (another one changes it). A person who signs in through the province's provider is given the role
     * and unit of their groups again at their next sign-in there.
     */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public void changeRole(String username, Role role, String unitId) {
        existing(username);
        if (role == null) {
            throw DomainRuleViolation.invalid("role", "choose a role").coded("chooseRole");
        }
        String unit = unitOf(role, unitId);
        if (username.equals(signedIn())) {
            throw DomainRuleViolation.invalid("role", "you cannot change your own role").coded("cannotChangeOwnRole");
        }
        ExpoFlowUser before = users.find(username).orElseThrow();
        if (before.role() == role && java.util.Objects.equals(before.unitId(), unit)) {
            return;
        }
        users.setRole(username, role, unit);
        if (role == Role.ADMIN) {
            engineIdentity.admitToTheWebapps(username, users.displayNames().get(username));
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("user", username);
        what.put("role", role.name());
        if (unit != null) {
            what.put("unit", unit);
        }
        what.put("roleBefore", before.role().name());
        if (before.unitId() != null) {
            what.put("unitBefore", before.unitId());
        }
        audit(AuditedActions.USER_ROLE_CHANGED, what);
    }

    /** Where a user of {@code role} belongs: a registered unit for a CITY user, none for the others. */
    private String unitOf(Role role, String unitId) {
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        if (role == Role.CITY && unit == null) {
            throw DomainRuleViolation.invalid("unitId", "a CITY user belongs to exactly one unit: give its unit id")
                    .coded("cityUserNeedsUnit");
        }
        if (role != Role.CITY && unit != null) {
            throw DomainRuleViolation.invalid("unitId", "only CITY users belong to a unit").coded("onlyCityUsersHaveUnits");
        }
        if (unit != null && units.find(unit).isEmpty()) {
            throw DomainRuleViolation.invalid("unitId", "'" + unit + "' is not a registered unit; see GET /api/units")
                    .coded("unitNotRegistered", unit);
        }
        return unit;
    }

    /** Sets where the user's notices are mailed (null: nowhere). */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public void setEmail(String username, String email) {
        existing(username);
        users.setEmail(username, email);
        audit(AuditedActions.USER_EMAIL_CHANGED, Map.of("user", username));
    }

    /**
     * A signed-in person's change of their own password, by giving the present one: at first sign-in, after a reset,
     * when it expired, or whenever they like. Answers the user as they now are.
     */
    @Transactional
    public ExpoFlowUser changeOwnPassword(String username, String current, String password, String repeated) {
        if (current == null || !users.isPassword(username, current)) {
            throw DomainRuleViolation.invalid("currentPassword", "the present password is not right").coded("currentPasswordWrong");
        }
        rules.check(username, password);
        if (repeated != null && !repeated.equals(password)) {
            throw DomainRuleViolation.invalid("repeatedPassword", "the two new passwords differ").coded("passwordsDiffer");
        }
        users.setPassword(username, password, false);
        audit(AuditedActions.PASSWORD_CHANGED, Map.of("user", username));
        return users.find(username).orElseThrow();
    }

    private void existing(String username) {
        if (users.find(username).isEmpty()) {
            throw DomainRuleViolation.notFound("username", "no user " + username).coded("noUser", username);
        }
    }

    private void audit(String action, Map<String, Object> what) {
        events.publishEvent(new AuditApplicationEvent(signedIn(), action, what));
    }

    private static String signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
