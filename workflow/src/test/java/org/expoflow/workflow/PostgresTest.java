package org.expoflow.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against a real PostgreSQL server ({@code EXPOFLOW_TEST_DB_URL}, by default the {@code test}
 * database on 127.0.0.1:5432), run with {@code -Ppostgres}. It fails when the server cannot be reached:
 * it never skips itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "demo"})
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
public @interface PostgresTest {
}
