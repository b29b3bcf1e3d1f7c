package org.expoflow.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.UserDirectory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Outside the demo, ExpoFlow refuses to start while anyone could sign in with the demo password. */
class ProductionGuardTest {

    private UserDirectory users;

    @BeforeEach
    void emptyUserTable() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:guard-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        users = new UserDirectory(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), java.time.Clock.systemUTC());
    }

    private void start(String bootstrapAdminPassword) {
        new ProductionGuard(users, bootstrapAdminPassword).run(new DefaultApplicationArguments());
    }

    @Test
    void refusesToStartWhenAStoredUserHasTheDemoPassword() {
        users.add("shenyang", "demo", Role.CITY, "shenyang", "Shenyang");
        assertThatThrownBy(() -> start("")).hasMessageContaining("shenyang").hasMessageContaining("demo password");
    }

    @Test
    void refusesTheDemoPasswordForTheFirstAdmin() {
        assertThatThrownBy(() -> start("demo")).hasMessageContaining("bootstrap-admin-password");
        assertThat(users.isEmpty()).isTrue();
    }

    @Test
    void createsTheFirstAdminFromItsBootstrapPasswordHashed() {
        start("s3cret-Liaoning");
        assertThat(users.find("admin")).hasValueSatisfying(admin -> {
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain("s3cret");
        });
    }
}
