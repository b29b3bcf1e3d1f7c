package org.expoflow.projections.figures;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the figures write their versions: at once in the writer's transaction ({@link LiveFigureVersions}), or
 * kept and written by the batch in a rebuild ({@link BufferedFigureVersions}). Both keep the same rows.
 */
interface FigureVersions {

    /** A directive issued to these units of an expo: a unit's figures on it are counted in that expo. */
    void issued(String directiveId, String expoId, List<String> unitIds);

    /** A figure reported: the version in force closes at {@code at}, and {@code value} holds from then on. */
    void report(String directiveId, String unitId, String figure, BigDecimal value, OffsetDateTime at);
}
