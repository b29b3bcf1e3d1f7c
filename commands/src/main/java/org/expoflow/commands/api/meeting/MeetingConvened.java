package org.expoflow.commands.api.meeting;

import java.time.Instant;

public record MeetingConvened(String meetingId, String expoId, String title, Instant heldAt, Instant asOf) {
}
