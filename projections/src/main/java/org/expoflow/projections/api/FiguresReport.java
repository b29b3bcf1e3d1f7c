package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Figures of an expo: per unit and in total, each against its target. A directive's target applies to
 * each unit it was issued to, so a unit's target is the sum over its directives and the expo's the sum
 * over its units.
 */
public record FiguresReport(String expoId, Instant asOf, List<UnitFigures> units, List<DirectiveFigures> directives,
                            Map<String, FigureAgainstTarget> total) {

    /** One directive's figures over all its units, against its target times the number of its units. */
    public record DirectiveFigures(String directiveId, String title, Map<String, FigureAgainstTarget> figures) {
    }

    public record UnitFigures(String unitId, String name, Map<String, FigureAgainstTarget> figures) {
    }

    public record FigureAgainstTarget(BigDecimal value, BigDecimal target) {
    }
}
