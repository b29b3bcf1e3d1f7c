package org.expoflow.workflow.security;

import org.expoflow.workflow.engine.EngineIdentity;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Camunda webapps accept a signed-in user only if the engine knows them. Every ExpoFlow ADMIN is
 * therefore admitted to them ({@link EngineIdentity#admitToTheWebapps}): those there at start here, one made later by
 * {@link UserAdministration}; they sign in through ExpoFlow only. ExpoFlow's users are managed in ExpoFlow, not in Camunda Admin, which
 * lists these administrators alone.
 */
@Component
@Order(100)
public class WebappAdmins implements ApplicationRunner {

    private final UserDirectory users;
    private final EngineIdentity engineIdentity;

    public WebappAdmins(UserDirectory users, EngineIdentity engineIdentity) {
        this.users = users;
        this.engineIdentity = engineIdentity;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.list().stream().filter(user -> user.role() == Role.ADMIN)
                .forEach(user -> engineIdentity.admitToTheWebapps(user.username(), user.displayName()));
    }
}
