package org.expoflow.workflow.audit;

import java.time.Instant;

/** One entry of the security audit log: who did what, when, from which address. Never changed once kept. */
public record AuditEntry(long id, Instant at, String actor, String action, String address, String what) {
}
