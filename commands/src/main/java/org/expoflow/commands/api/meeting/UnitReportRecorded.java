package org.expoflow.commands.api.meeting;

public record UnitReportRecorded(String meetingId, String unitId, String progress, String problems,
                                 String suggestions) {
}
