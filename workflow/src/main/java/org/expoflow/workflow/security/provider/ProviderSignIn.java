package org.expoflow.workflow.security.provider;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The last step of signing in to the pages through the provider: once the provider has sent the person back
 * with a verified ID token (and ExpoFlow has read their user info), the claims make them an ExpoFlow user, or
 * refuse them.
 */
class ProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService userInfo = new OidcUserService();
    private final ProviderClaims claims;

    ProviderSignIn(ProviderClaims claims) {
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = userInfo.loadUser(request);
        ProviderClaims.Person person = claims.personOf(signedIn.getClaims());
        return new ProviderPerson(person.username(), person.membership(), signedIn);
    }
}
