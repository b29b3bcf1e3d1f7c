package org.expoflow.workflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the PostgreSQL test database and empties it once per test run, so every
 * run starts from no tables at all (Flyway and the engine then create theirs, as in production).
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String URL = System.getenv().getOrDefault("EXPOFLOW_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("EXPOFLOW_TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("EXPOFLOW_TEST_DB_PASSWORD", "");
    private static boolean emptied;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        emptyOncePerRun();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test", Map.of(
                "spring.datasource.url", URL, "spring.datasource.username", USER, "spring.datasource.password", PASSWORD)));
    }

    private static synchronized void emptyOncePerRun() {
        if (emptied) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL tests need a server at " + URL
                    + " (start one, or run .ci/run which does): " + e.getMessage(), e);
        }
        emptied = true;
    }
}
