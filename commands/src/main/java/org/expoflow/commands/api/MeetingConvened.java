package org.expoflow.commands.api;

import java.time.Instant;

public record MeetingConvened(String meetingId, String expoId, String title, Instant heldAt, Instant asOf) {
}
