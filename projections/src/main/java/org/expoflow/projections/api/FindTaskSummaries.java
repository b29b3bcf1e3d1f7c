package org.expoflow.projections.api;

import java.util.List;

/** Several tasks as the lists show them, in one reading: those of a city's latest history lines, say. */
public record FindTaskSummaries(List<String> taskIds) {

    public FindTaskSummaries {
        taskIds = List.copyOf(taskIds);
    }
}
