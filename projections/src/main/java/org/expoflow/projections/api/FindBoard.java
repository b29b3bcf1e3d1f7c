package org.expoflow.projections.api;

import java.time.Instant;

/** The board of an expo as it stood at {@code asOf}; null asks for now. */
public record FindBoard(String expoId, Instant asOf) {
}
