package org.expoflow.projections.api;

import java.util.List;

/** A unit's history in an expo, newest first: each entry with the step it happened to. */
public record UnitHistory(List<Entry> entries) {

    public record Entry(String taskId, TaskHistoryEntry entry) {
    }
}
