package org.expoflow.workflow.security.provider;

import org.springframework.security.core.AuthenticationException;

/**
 * The provider vouched for a person whom ExpoFlow cannot place: their groups name no role, several roles, or a
 * unit that is not registered, or an administrator disabled them here. Only the expo office's administrator
 * can change that, so every refusal names them.
 */
public class NotKnownHere extends AuthenticationException {

    /** Why the person was refused; each has its sentence in the pages' messages ({@code signIn.refused.*}). */
    public enum Reason {
        NO_ROLE, SEVERAL_ROLES, UNIT_NOT_REGISTERED, DISABLED;

        public String messageKey() {
            return "signIn.refused." + name();
        }
    }

    private final Reason reason;

    public NotKnownHere(String person, Reason reason) {
        super(person + " is not known to ExpoFlow: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
