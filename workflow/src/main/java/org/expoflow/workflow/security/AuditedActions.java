package org.expoflow.workflow.security;

/**
 * The actions on people and sign-ins this package puts in the security audit log, as Spring Boot's audit events
 * ({@code AuditApplicationEvent}); sign-ins and their failures are Spring Security's own events, which Boot's
 * listener names {@code AUTHENTICATION_SUCCESS} and {@code AUTHENTICATION_FAILURE}.
 */
public final class AuditedActions {

    public static final String LOCKED_OUT = "LOCKED_OUT";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_DISABLED = "USER_DISABLED";
    public static final String USER_ENABLED = "USER_ENABLED";
    public static final String USER_EMAIL_CHANGED = "USER_EMAIL_CHANGED";
    public static final String USER_ROLE_CHANGED = "USER_ROLE_CHANGED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";

    private AuditedActions() {
    }
}
