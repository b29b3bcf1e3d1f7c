package org.expoflow.projections.api;

/** The latest {@code limit} things that happened to a unit's steps in an expo (its own, and those it co-operates on). */
public record FindUnitHistory(String expoId, String unitId, int limit) {
}
