package org.expoflow.projections.api;

/**
 * Where a unit stands on a directive: nothing done yet, working on it, waiting for the coordinator's
 * review, sent back for rework, finished, or withdrawn by the office before the unit finished.
 */
public enum UnitDirectiveStatus { NOT_STARTED, IN_PROGRESS, SUBMITTED, RETURNED, DONE, WITHDRAWN }
