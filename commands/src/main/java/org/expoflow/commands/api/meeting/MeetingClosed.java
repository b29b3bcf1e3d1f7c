package org.expoflow.commands.api.meeting;

public record MeetingClosed(String meetingId, String expoId) {
}
