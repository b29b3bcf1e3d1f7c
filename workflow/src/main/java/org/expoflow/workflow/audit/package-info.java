/**
 * The security audit log a 等保 2.0 level-3 assessment asks for, and the seals over every stored record.
 * <p>
 * Sign-ins and their failures, lockouts, changes to users, roles, units, kinds, robots and the ranking's weights,
 * exports and attachments opened and rebuilds are each kept as one {@link org.expoflow.workflow.audit.AuditEntry}: who, when, from which
 * address, what. They arrive as Spring Boot's audit events ({@code AuditApplicationEvent}, and Spring Security's
 * sign-in events through Boot's listeners) or from {@code AuditedRequests} for the administrators' doors, and are
 * stored by {@code AuditLog}. The database refuses to change or remove an entry; only {@code AuditRetention}
 * removes those older than the retention. The auditor reads the log at {@code /audit} and {@code /api/audit}.
 * {@code Seals} hash what was stored since the last seal, chained, and check the chain.
 */
package org.expoflow.workflow.audit;
