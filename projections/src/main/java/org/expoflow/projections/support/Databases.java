package org.expoflow.projections.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

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
}
