package org.expoflow.projections.api;

import java.time.Instant;

/**
 * The figures of an expo summed over its units, or of one unit ({@code unitId}), against their targets, as they stood at
 * {@code asOf} (null asks for now): what the board's totals and a city's page show, without the figures of every
 * directive that {@link FindFigures} tells too.
 */
public record FindFigureTotals(String expoId, Instant asOf, String unitId) {
}
