package org.expoflow.commands.api;

public record MeetingClosed(String meetingId, String expoId) {
}
