package org.expoflow.projections.api;

import java.time.Instant;

public record FindStatistics(String expoId, Instant asOf) {
}
