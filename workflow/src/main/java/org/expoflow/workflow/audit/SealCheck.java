package org.expoflow.workflow.audit;

import java.time.Instant;

/**
 * What a check of the seals found: whether the chain holds over every seal, and if not, the first fault: the seal,
 * the table and row at fault, and what became of it ({@code altered}, {@code removed}, {@code added}, or the seal
 * itself {@code sealAltered} or its link {@code chainBroken}).
 */
public record SealCheck(boolean holds, int seals, Instant checkedAt, Fault fault) {

    public record Fault(long sealNumber, String table, String row, String problem) {

        /** The fault in a line, as the auditor's page and the log tell it. */
        public String said() {
            return "seal " + sealNumber + ": " + table + (row == null ? "" : " " + row) + " " + problem;
        }
    }
}
