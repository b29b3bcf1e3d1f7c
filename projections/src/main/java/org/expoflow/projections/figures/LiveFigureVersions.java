package org.expoflow.projections.figures;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.expoflow.projections.support.Databases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figure versions written as each report comes: the version in force closed and the new one added, its expo read
 * from the unit's part in the directive (none added for a unit with no part in it). On PostgreSQL one statement.
 */
final class LiveFigureVersions implements FigureVersions {

    private static final String CLOSE_VERSION = "update unit_figure_version set valid_to = ?"
            + " where directive_id = ? and unit_id = ? and figure = ? and valid_to is null";
    private static final String ADD_VERSION = "insert into unit_figure_version"
            + " (expo_id, directive_id, unit_id, figure, figure_value, valid_from)"
            + " select expo_id, ?, ?, ?, ?, ? from directive_unit_view where directive_id = ? and unit_id = ?";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    LiveFigureVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(jdbc.getDataSource());
    }

    /** Nothing to learn: the insert reads the expo from the catalogue. */
    @Override
    public void issued(String directiveId, String expoId, List<String> unitIds) {
    }

    @Override
    public void report(String directiveId, String unitId, String figure, BigDecimal value, OffsetDateTime at) {
        if (postgres) { // one round trip: the insert does not see the version it closes
            jdbc.update("with closed as (" + CLOSE_VERSION + ") " + ADD_VERSION, at, directiveId, unitId,
                    figure, directiveId, unitId, figure, value, at, directiveId, unitId);
        } else {
            jdbc.update(CLOSE_VERSION, at, directiveId, unitId, figure);
            jdbc.update(ADD_VERSION, directiveId, unitId, figure, value, at, directiveId, unitId);
        }
    }
}
