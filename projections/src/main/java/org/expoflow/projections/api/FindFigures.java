package org.expoflow.projections.api;

import java.time.Instant;

/** The figures of an expo as they stood at {@code asOf}; null asks for now. */
public record FindFigures(String expoId, Instant asOf) {
}
