package org.expoflow.projections.api;

import java.time.Instant;
import java.util.Map;

/**
 * An expo's figures summed over its units enrolled at {@code asOf}, or one unit's ({@code unitId}), each against its
 * target: the same sums as {@link FiguresReport#total()} and a unit's {@link FiguresReport.UnitFigures#figures()}.
 */
public record FigureTotals(String expoId, Instant asOf, String unitId, Map<String, FiguresReport.FigureAgainstTarget> total) {

    public FigureTotals {
        total = Map.copyOf(total);
    }
}
