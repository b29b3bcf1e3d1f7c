package org.expoflow.projections.api;

public record FindMeeting(String meetingId) {
}
