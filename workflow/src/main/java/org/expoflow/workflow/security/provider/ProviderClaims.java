package org.expoflow.workflow.security.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.security.provider.SignInGroups.Membership;

/**
 * Reads who a person is from the claims the provider vouches for (an ID token with its user info, or a bearer
 * token) and places them with {@link SignInGroups}: the one reading of claims for the pages and the API alike.
 */
class ProviderClaims {

    /** A person as the provider's claims describe them, placed in ExpoFlow. */
    record Person(String username, Membership membership, String displayName) {
    }

    private final OidcSettings settings;
    private final SignInGroups groups;
    private final ProviderPeople people;

    ProviderClaims(OidcSettings settings, SignInGroups groups, ProviderPeople people) {
        this.settings = settings;
        this.groups = groups;
        this.people = people;
    }

    /** The person the claims name, recorded in the user list; refused with {@link NotKnownHere} when nothing here. */
    Person personOf(Map<String, Object> claims) {
        Object name = claims.get(settings.userNameClaim());
        String username = name instanceof String text && !text.isBlank() ? text : String.valueOf(claims.get("sub"));
        people.notALocalAccount(username);
        Membership membership = groups.membershipOf(username, groupsIn(claims));
        Object displayName = claims.get("name");
        Person person = new Person(username, membership, displayName instanceof String text ? text : null);
        people.signedIn(person.username(), membership, person.displayName(), "OpenID Connect");
        return person;
    }

    private List<String> groupsIn(Map<String, Object> claims) {
        List<String> found = new ArrayList<>();
        for (String claim : settings.groupClaims()) {
            Object value = claims.get(claim);
            if (value instanceof Collection<?> many) {
                many.forEach(one -> found.add(String.valueOf(one)));
            } else if (value instanceof String one) {
                found.add(one);
            }
        }
        return found;
    }
}
