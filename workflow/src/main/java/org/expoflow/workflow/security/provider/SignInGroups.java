package org.expoflow.workflow.security.provider;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.units.UnitRegister;

/**
 * What a person's groups at the identity provider (a claim of their token, or their directory groups) make
 * them in ExpoFlow. Groups are named one by one ({@code EXPOFLOW_SIGN_IN_GROUPS}, e.g.
 * {@code expo-office=COORDINATOR,leadership=LEADER,it=ADMIN,shenyang-bureau=CITY:shenyang}), and a prefix may
 * name the units' groups all at once ({@code EXPOFLOW_SIGN_IN_UNIT_GROUP_PREFIX=unit-}: the group
 * {@code unit-dalian} makes a clerk of Dalian). Groups the mapping does not name are ignored.
 * <p>
 * A person is one thing here: groups that make them two (a coordinator who is also a clerk, an administrator
 * who is also a leader) are refused, not resolved by a ranking, since the roles are kept apart on purpose.
 */
public class SignInGroups {

    /** What a person is in ExpoFlow: a role and, for a clerk, the unit. */
    public record Membership(Role role, String unitId) {
    }

    private final Map<String, Membership> named;
    private final String unitGroupPrefix;
    private final UnitRegister units;

    public SignInGroups(String groups, String unitGroupPrefix, UnitRegister units) {
        this.named = parse(groups == null ? "" : groups);
        this.unitGroupPrefix = unitGroupPrefix == null || unitGroupPrefix.isBlank() ? null : unitGroupPrefix.trim();
        this.units = units;
    }

    /** What the groups make {@code person}, or a refusal saying why they are nothing here. */
    public Membership membershipOf(String person, Collection<String> groups) {
        Set<Membership> found = new LinkedHashSet<>();
        for (String group : groups) {
            Membership membership = named.get(group);
            if (membership == null && unitGroupPrefix != null && group.startsWith(unitGroupPrefix)
                    && group.length() > unitGroupPrefix.length()) {
                membership = new Membership(Role.CITY, group.substring(unitGroupPrefix.length()));
            }
            if (membership != null) {
                found.add(membership);
            }
        }
        if (found.isEmpty()) {
            throw new NotKnownHere(person, NotKnownHere.Reason.NO_ROLE);
        }
        if (found.size() > 1) {
            throw new NotKnownHere(person, NotKnownHere.Reason.SEVERAL_ROLES);
        }
        Membership membership = found.iterator().next();
        if (membership.unitId() != null && units.find(membership.unitId()).isEmpty()) {
            throw new NotKnownHere(person, NotKnownHere.Reason.UNIT_NOT_REGISTERED);
        }
        return membership;
    }

    private static Map<String, Membership> parse(String groups) {
        Map<String, Membership> named = new LinkedHashMap<>();
        for (String entry : groups.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expoflow.sign-in.groups: '" + entry.trim()
                        + "' is not group=ROLE or group=CITY:unitId");
            }
            String group = entry.substring(0, equals).trim();
            String[] what = entry.substring(equals + 1).trim().split(":", 2);
            Role role;
            try {
                role = Role.valueOf(what[0].trim());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("expoflow.sign-in.groups: '" + what[0].trim() + "' for group '" + group
                        + "' is not one of the roles " + java.util.Arrays.toString(Role.values()));
            }
            String unitId = what.length > 1 ? what[1].trim() : null;
            if ((role == Role.CITY) != (unitId != null && !unitId.isEmpty())) {
                throw new IllegalArgumentException("expoflow.sign-in.groups: group '" + group
                        + "' must name a unit for CITY (group=CITY:unitId), and none for any other role");
            }
            named.put(group, new Membership(role, unitId));
        }
        return Map.copyOf(named);
    }
}
