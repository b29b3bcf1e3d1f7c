package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The targets a directive set for each unit it was issued to, by figure: answered with
 * {@link FindDirectiveTargets.Targets}, empty for a directive without targets (or no such directive).
 */
public record FindDirectiveTargets(String directiveId) {

    public record Targets(String directiveId, Map<String, BigDecimal> byFigure) {
    }
}
