package org.expoflow.workflow.security.provider;

import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * A call to the API with the provider's bearer token: the token's claims make its person an ExpoFlow user, as
 * signing in to the pages does, so every endpoint sees the same user whichever way they came.
 */
class BearerSignIn implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ProviderClaims claims;

    BearerSignIn(ProviderClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        ProviderClaims.Person person = claims.personOf(token.getClaims());
        ExpoFlowUser user = new ExpoFlowUser(person.username(), "", person.membership().role(), person.membership().unitId());
        // vouched for by the provider: ExpoFlow checked no password of its own
        return new PreAuthenticatedAuthenticationToken(user, token, user.getAuthorities());
    }
}
