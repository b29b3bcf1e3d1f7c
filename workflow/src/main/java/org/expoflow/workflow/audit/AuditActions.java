package org.expoflow.workflow.audit;

/**
 * The actions the audit log names. Spring Boot's own names the sign-ins ({@code AUTHENTICATION_SUCCESS},
 * {@code AUTHENTICATION_FAILURE}, {@code LOGOUT_SUCCESS}); the security package publishes the users' and the
 * lockouts' under the names of {@code security.AuditedActions}; these are the rest. Each has its words on the
 * auditor's page ({@code audit.action.*}).
 */
public final class AuditActions {

    /** Who acts when no person does: a scheduled job. */
    public static final String SYSTEM = "system";

    public static final String UNIT_CHANGED = "UNIT_CHANGED";
    public static final String KIND_DEPLOYED = "KIND_DEPLOYED";
    public static final String ROBOT_CHANGED = "ROBOT_CHANGED";
    public static final String SYSTEM_CHANGED = "SYSTEM_CHANGED";
    public static final String EXPORTED = "EXPORTED";
    public static final String ATTACHMENT_OPENED = "ATTACHMENT_OPENED";
    public static final String READ_MODEL_REBUILT = "READ_MODEL_REBUILT";
    public static final String AUDIT_EXPORTED = "AUDIT_EXPORTED";
    public static final String RETENTION_RAN = "AUDIT_RETENTION_RAN";
    public static final String SEALS_CHECKED = "AUDIT_SEALS_CHECKED";

    private AuditActions() {
    }
}
