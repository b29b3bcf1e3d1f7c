package org.expoflow.projections.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Which database the read models live in, where PostgreSQL offers more (advisory locks, LISTEN/NOTIFY). */
public final class Databases {

    private Databases() {
    }

    /** Whether the data source is PostgreSQL; an unreachable one counts as not. */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException unreachable) {
            return false;
        }
    }

    /**
     * Empties read-model tables for a rebuild. On PostgreSQL by TRUNCATE, in the rebuild's transaction: the
     * space comes back at once and the replay does not write among the dead rows a DELETE leaves (the
     * province-scale rebuild's disk waits). Elsewhere by DELETE, as H2's TRUNCATE would commit the rebuild's
     * transaction half-way.
     */
    public static void empty(JdbcTemplate jdbc, String... tables) {
        if (jdbc.getDataSource() != null && isPostgres(jdbc.getDataSource())) {
            jdbc.update("truncate table " + String.join(", ", tables));
        } else {
            for (String table : tables) {
                jdbc.update("delete from " + table);
            }
        }
    }
}
