package org.expoflow.workflow.demo;

import java.util.List;

import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, no one signs in with the demo password. On an empty user table the first admin
 * is created from {@code expoflow.bootstrap-admin-password}; start-up fails if that, or any stored
 * user's password, is the demo password.
 */
@Component
@Order(10)
@Profile("!demo")
public class ProductionGuard implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);

    private final UserDirectory users;
    private final String bootstrapAdminPassword;

    public ProductionGuard(UserDirectory users, @Value("${expoflow.bootstrap-admin-password:}") String bootstrapAdminPassword) {
        this.users = users;
        this.bootstrapAdminPassword = bootstrapAdminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (DemoData.DEMO_PASSWORD.equals(bootstrapAdminPassword)) {
            throw new IllegalStateException("expoflow.bootstrap-admin-password is the demo password: choose another one");
        }
        if (users.isEmpty() && !bootstrapAdminPassword.isBlank()) {
            // the system's administrator and the security administrator, who adds everyone else; both choose their own
            // password at first sign-in, as this one was written into the configuration
            users.add("admin", bootstrapAdminPassword, Role.ADMIN, null, "IT operator", true);
            users.add("security", bootstrapAdminPassword, Role.SECURITY_ADMIN, null, "Security administrator", true);
            log.info("created the first users 'admin' (ADMIN) and 'security' (SECURITY_ADMIN) from"
                    + " expoflow.bootstrap-admin-password; each must change the password at first sign-in");
        }
        List<String> withDemoPassword = users.usersWithPassword(DemoData.DEMO_PASSWORD);
        if (!withDemoPassword.isEmpty()) {
            throw new IllegalStateException("users " + withDemoPassword + " have the demo password; ExpoFlow refuses to start"
                    + " outside the demo profile until their passwords are changed");
        }
    }
}
