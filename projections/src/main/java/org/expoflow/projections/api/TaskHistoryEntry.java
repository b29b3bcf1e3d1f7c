package org.expoflow.projections.api;

import java.time.Instant;
import java.util.Map;

/** Something that happened to a task: its event type, when, who did it, and what they said or reported. */
public record TaskHistoryEntry(Instant at, String type, String actor, Map<String, Object> details) {
}
