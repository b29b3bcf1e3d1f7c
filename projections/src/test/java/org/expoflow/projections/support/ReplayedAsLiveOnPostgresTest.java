package org.expoflow.projections.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A rebuild's batched writes against live writes on PostgreSQL, whose driver is strict about the types of
 * parameters (a null must say what it is). Each database is a schema of its own in the test database.
 */
@Tag("postgres")
class ReplayedAsLiveOnPostgresTest extends ReplayedAsLiveContract {

    private static final String URL = System.getenv().getOrDefault("EXPOFLOW_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @Override
    DataSource emptyReadModels(String name) {
        String schema = "replayed_as_live_" + name.replace('-', '_');
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(URL);
        database.setUser(System.getenv().getOrDefault("EXPOFLOW_TEST_DB_USER", "postgres"));
        database.setPassword(System.getenv().getOrDefault("EXPOFLOW_TEST_DB_PASSWORD", ""));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL tests need a server at " + URL
                    + " (start one, or run .ci/run which does): " + e.getMessage(), e);
        }
        database.setCurrentSchema(schema);
        Flyway.configure().dataSource(database).schemas(schema).locations("classpath:db/migration").load().migrate();
        return database;
    }
}
