package org.expoflow.projections.api;

public record FindBrief(String meetingId) {
}
