package org.expoflow.projections.api;

/** Where a single task stands: waiting for someone to take it, taken, done, or removed by the engine. */
public enum TaskStatus { OPEN, CLAIMED, COMPLETED, CANCELLED }
