package org.expoflow.projections.api;

import java.time.Instant;
import java.util.List;

/** The answer to {@link FindReportsDue}. */
public record ReportsDue(List<ReportDue> reports) {

    /**
     * A unit owes its report on a directive since {@code dueAt} (every {@code reportEvery}); {@code taskId} is its open
     * step, where it reports, done by {@code candidateGroup} with the {@code cooperatingUnits}.
     */
    public record ReportDue(String directiveId, String unitId, String taskId, String candidateGroup,
                            List<String> cooperatingUnits, Instant dueAt, String reportEvery) {
    }
}
