package org.expoflow.projections.api;

import java.time.Instant;

/** Where every unit's own steps stand at {@code now}, over all expos: what the metrics export per unit. */
public record FindUnitStepCounts(Instant now) {
}
