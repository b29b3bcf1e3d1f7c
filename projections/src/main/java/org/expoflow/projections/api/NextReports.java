package org.expoflow.projections.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The answer to {@link FindNextReports}. */
public record NextReports(List<NextReport> reports) {

    /**
     * A unit owes its next report on a directive (every {@code reportEvery}) by {@code dueAt}: a period after its
     * latest report or completed step, else after the issue; {@code missed} when that is past. {@code title} is the
     * directive's.
     */
    public record NextReport(String directiveId, String title, String unitId, String reportEvery, Instant dueAt,
                             boolean missed) {
    }

    /** The report a unit owes on a directive, if it owes one. */
    public Optional<NextReport> of(String directiveId, String unitId) {
        return reports.stream().filter(report -> report.directiveId().equals(directiveId) && report.unitId().equals(unitId))
                .findFirst();
    }

    /** The reports missed, the longest missed first. */
    public List<NextReport> missed() {
        return reports.stream().filter(NextReport::missed).sorted(java.util.Comparator.comparing(NextReport::dueAt)).toList();
    }
}
