package org.expoflow.projections.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** How far a unit says it is with a step: its latest percent, figures and when it last reported. */
public record TaskProgress(int percent, Map<String, BigDecimal> latestFigures, Instant latestReportAt) {

    /** Whether the unit has reported on the step. */
    public boolean reported() {
        return latestReportAt != null;
    }

    /** Whether the unit has shown any progress: a percent above nought or a report. */
    public boolean begun() {
        return percent > 0 || reported();
    }

    /** The latest figures reported, none when there were none. */
    public Map<String, BigDecimal> figures() {
        return latestFigures == null ? Map.of() : latestFigures;
    }
}
