package org.expoflow.projections.api;

import java.time.Instant;
import java.util.List;

/** A coordination meeting as recorded: when it was held, the instant its brief is taken as of, reports, decisions. */
public record MeetingRecord(String meetingId, String expoId, String title, Instant heldAt, Instant asOf, Instant closedAt,
                            List<UnitReport> reports, List<Decision> decisions) {

    public record UnitReport(String unitId, String progress, String problems, String suggestions) {
    }

    public record Decision(String decisionId, String text, List<String> directiveIds) {
    }
}
