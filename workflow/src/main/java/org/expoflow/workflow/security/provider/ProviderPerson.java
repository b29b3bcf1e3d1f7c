package org.expoflow.workflow.security.provider;

import java.util.Map;

import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.provider.SignInGroups.Membership;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in to the pages through the identity provider: an ExpoFlow user like any other to every page
 * and service, and still the provider's person to Spring Security's OpenID Connect support (signing out there).
 * Their password is the provider's business: ExpoFlow holds none for them.
 */
public class ProviderPerson extends ExpoFlowUser implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;
    private final Map<String, Object> claims;

    ProviderPerson(String username, Membership membership, OidcUser signedIn) {
        super(username, "", membership.role(), membership.unitId());
        this.idToken = signedIn.getIdToken();
        this.userInfo = signedIn.getUserInfo();
        this.claims = signedIn.getClaims();
    }

    @Override
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return claims;
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
