package org.expoflow.projections.api;

import java.util.List;

/** A task with its latest report, the review's decision (review steps) and its whole history. */
public record TaskDetail(TaskSummary summary, String instructions, String latestNote, String latestProblems,
                         String latestSuggestions, String decision, String decisionComment,
                         List<TaskHistoryEntry> history) {
}
