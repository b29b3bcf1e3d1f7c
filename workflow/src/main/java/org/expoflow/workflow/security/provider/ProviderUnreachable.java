package org.expoflow.workflow.security.provider;

import org.springframework.security.core.AuthenticationException;

/**
 * The provider's metadata or keys could not be read: nobody is signed in through it just now, through no fault of
 * theirs. ExpoFlow's own users sign in meanwhile, and the next attempt reads again.
 */
public class ProviderUnreachable extends AuthenticationException {

    public ProviderUnreachable(String where, Throwable cause) {
        super("the identity provider at " + where + " cannot be reached", cause);
    }
}
