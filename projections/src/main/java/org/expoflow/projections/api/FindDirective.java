package org.expoflow.projections.api;

import java.time.Instant;
import java.util.List;

/** One directive as the office and leadership read it: answered with {@link FindDirective.Directive}, or null. */
public record FindDirective(String directiveId) {

    /**
     * A directive with its units; once withdrawn, when and why. {@code units}: each unit it was issued to, in the
     * order it was issued, with when it finished (null: its work is still open).
     */
    public record Directive(String directiveId, String expoId, String title, String kind, String instructions, Instant issuedAt,
                            Instant dueAt, Instant withdrawnAt, String withdrawalReason, List<DirectiveUnit> units) {

        /** The units a withdrawal would reach now: those whose work is still open. */
        public List<String> unitsStillAtWork() {
            return withdrawnAt != null ? List.of()
                    : units.stream().filter(unit -> unit.finishedAt() == null).map(DirectiveUnit::unitId).toList();
        }
    }

    public record DirectiveUnit(String unitId, Instant finishedAt) {
    }
}
