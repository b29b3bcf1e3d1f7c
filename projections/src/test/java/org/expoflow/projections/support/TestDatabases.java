package org.expoflow.projections.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Empty read models for a test: an embedded H2 of its own, or a schema of its own in PostgreSQL's test database. */
public final class TestDatabases {

    private static final String POSTGRES_URL = System.getenv().getOrDefault("EXPOFLOW_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    private TestDatabases() {
    }

    public static DataSource h2(String name) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        return database;
    }

    /** The schema is dropped and made again; PostgreSQL's driver is strict about parameter types, H2's is not. */
    public static DataSource postgres(String schema) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(POSTGRES_URL);
        database.setUser(System.getenv().getOrDefault("EXPOFLOW_TEST_DB_USER", "postgres"));
        database.setPassword(System.getenv().getOrDefault("EXPOFLOW_TEST_DB_PASSWORD", ""));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL tests need a server at " + POSTGRES_URL
                    + " (start one, or run .ci/run which does): " + e.getMessage(), e);
        }
        database.setCurrentSchema(schema);
        Flyway.configure().dataSource(database).schemas(schema).locations("classpath:db/migration").load().migrate();
        return database;
    }
}
