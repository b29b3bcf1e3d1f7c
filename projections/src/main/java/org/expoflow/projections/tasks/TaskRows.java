package org.expoflow.projections.tasks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the task list writes a task's row, its history and its versions: at once in the writer's
 * transaction ({@link LiveTaskRows}), or held back and written by the batch in a rebuild
 * ({@link BufferedTaskRows}). Both keep the same rows; only the number of round trips differs.
 */
interface TaskRows {

    /** One line of a task's history: what happened, when, by whom, with its details as JSON. */
    record HistoryLine(Instant at, String type, String actor, String details) {
    }

    /** A task is assigned: its first row (its columns besides its id), its first history line and its first version. */
    void add(String taskId, TaskRowChange row, HistoryLine line);

    /**
     * Something happened to a task: the columns it changed (none, for an attachment), a history line, and a
     * new version of the row valid from the event on.
     */
    void change(String taskId, TaskRowChange change, HistoryLine line);

    /** The units asked to co-operate on a task, in order. */
    List<String> cooperatingUnits(String taskId);

    /** A step of a unit's process as a return for rework reads it ({@link TaskListProjection}). */
    record ProcessStep(String taskId, String stepKey, String status, String candidateGroup, String supervisedTaskId,
                       OffsetDateTime assignedAt, OffsetDateTime reworkedAt) {
    }

    /** The steps of the process a task belongs to (its directive, unit and process instance), itself included. */
    List<ProcessStep> stepsOfProcess(String taskId);
}
