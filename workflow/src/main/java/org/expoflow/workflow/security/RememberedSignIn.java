package org.expoflow.workflow.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * An API request whose HTTP Basic credentials were recognised as those checked a moment ago ({@code RememberedCredentials}):
 * signed in, but no new sign-in for the security audit log.
 */
public class RememberedSignIn extends UsernamePasswordAuthenticationToken {

    RememberedSignIn(ExpoFlowUser user) {
        super(user, null, user.getAuthorities());
    }
}
