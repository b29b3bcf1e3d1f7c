package org.expoflow.workflow.security.provider;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.expoflow.workflow.security.AuditedActions;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.security.provider.SignInGroups.Membership;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;

/**
 * The people the identity provider signed in, kept in ExpoFlow's user list: notices go to the users of a unit
 * or role, and an administrator disables a person there. A person appears at their first sign-in, with a
 * password no one knows (they never sign in with one here); at each later sign-in the provider's word on their
 * role and unit replaces what the list held, so a clerk moved to another unit at the provider is moved here too.
 * Someone disabled here stays refused whatever the provider says. ExpoFlow's own accounts (a password kept here) are
 * never the provider's: a person whose name at the provider is one of theirs is refused.
 */
public class ProviderPeople {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    public ProviderPeople(UserDirectory users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /**
     * Refuses a person whose user name at the provider is that of one of ExpoFlow's own accounts (one with a password
     * kept here, such as {@code admin}): whoever holds that name at the provider is not that account, and never signs
     * in as it nor changes its role.
     */
    public void notALocalAccount(String username) {
        if (users.isLocalAccount(username)) {
            throw new NotKnownHere(username, NotKnownHere.Reason.LOCAL_ACCOUNT);
        }
    }

    /**
     * Keeps the person the provider vouched for ({@code through}: which of its doors, for the audit log) in the user list
     * as the provider's groups place them; their first appearance and each change of role or unit go into the security
     * audit log, in the person's name, from the address they signed in from.
     */
    public void signedIn(String username, Membership membership, String displayName, String through) {
        notALocalAccount(username);
        Optional<ExpoFlowUser> known = users.find(username);
        if (known.isEmpty()) {
            byte[] unknowable = new byte[32];
            RANDOM.nextBytes(unknowable);
            try {
                users.addPlacedByProvider(username, Base64.getEncoder().encodeToString(unknowable), membership.role(), membership.unitId(),
                        displayName);
            } catch (DuplicateKeyException atTheSameMoment) {
                // two first calls at once: the other one recorded the person (and its entry), who is in the list either way
                return;
            }
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("user", username);
            what.put("role", membership.role().name());
            if (membership.unitId() != null) {
                what.put("unit", membership.unitId());
            }
            what.put("by", "province sign-in (" + through + ")");
            events.publishEvent(new AuditApplicationEvent(username, AuditedActions.USER_CREATED, what));
            return;
        }
        ExpoFlowUser user = known.get();
        if (!user.isEnabled()) {
            throw new NotKnownHere(username, NotKnownHere.Reason.DISABLED);
        }
        if (user.role() != membership.role() || !java.util.Objects.equals(user.unitId(), membership.unitId())) {
            if (users.placeByProvider(username, membership.role(), membership.unitId())) {
                Map<String, Object> what = new LinkedHashMap<>();
                what.put("user", username);
                what.put("role", membership.role().name());
                if (membership.unitId() != null) {
                    what.put("unit", membership.unitId());
                }
                // as the security administrator's change of a role is kept (UserAdministration)
                what.put("roleBefore", user.role().name());
                if (user.unitId() != null) {
                    what.put("unitBefore", user.unitId());
                }
                what.put("by", "province sign-in (" + through + ")");
                events.publishEvent(new AuditApplicationEvent(username, AuditedActions.USER_ROLE_CHANGED, what));
            }
        }
    }
}
