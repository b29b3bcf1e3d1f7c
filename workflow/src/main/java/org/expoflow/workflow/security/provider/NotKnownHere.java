package org.expoflow.workflow.security.provider;

import org.springframework.security.core.AuthenticationException;

/**
 * The provider vouched for a person whom ExpoFlow cannot place: their groups name no role, several roles, or a
 * unit that is not registered, or an administrator disabled them here; or their user name is that of one of ExpoFlow's own
 * accounts (such as {@code admin}), which the provider neither becomes nor changes. Only the expo office's administrator
 * can change that, so every refusal names them.
 */
public class NotKnownHere extends AuthenticationException {

    /** Why the person was refused; each has its sentence in the pages' messages ({@code signIn.refused.*}). */
    public enum Reason {
        NO_ROLE, SEVERAL_ROLES, UNIT_NOT_REGISTERED, DISABLED,
        /** the provider's user name is that of one of ExpoFlow's own accounts, which the provider never signs in as */
        LOCAL_ACCOUNT;

        public String messageKey() {
            return "signIn.refused." + name();
        }
    }

    private final Reason reason;
    private final String person;

    public NotKnownHere(String person, Reason reason) {
        super(reason == Reason.LOCAL_ACCOUNT
                ? person + " is one of ExpoFlow's own accounts, which the provider does not sign in as: " + reason
                : person + " is not known to ExpoFlow: " + reason);
        this.reason = reason;
        this.person = person;
    }

    /** The person's user name as the provider vouched for it. */
    public String person() {
        return person;
    }

    public Reason reason() {
        return reason;
    }
}
