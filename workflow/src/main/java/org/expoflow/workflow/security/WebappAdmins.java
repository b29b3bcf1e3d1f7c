package org.expoflow.workflow.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Camunda webapps accept a signed-in user only if the engine knows them. Every ExpoFlow ADMIN is
 * therefore also an engine user in the webapps' administrators group, with an unusable random password:
 * they sign in through ExpoFlow only. ExpoFlow's users are managed in ExpoFlow, not in Camunda Admin, which
 * lists these administrators alone.
 */
@Component
@Order(100)
public class WebappAdmins implements ApplicationRunner {

    private final UserDirectory users;
    private final IdentityService identityService;
    private final SecureRandom random = new SecureRandom();

    public WebappAdmins(UserDirectory users, IdentityService identityService) {
        this.users = users;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.list().stream().filter(user -> user.role() == Role.ADMIN)
                .forEach(user -> ensureEngineUser(user.username(), user.displayName()));
    }

    /**
     * Idempotent, and safe when two nodes start at once on an empty database: what the other node created a
     * moment earlier is taken as created.
     */
    public void ensureEngineUser(String username, String displayName) {
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group webappAdmins = identityService.newGroup(Groups.CAMUNDA_ADMIN);
            webappAdmins.setName("Camunda webapp administrators (ExpoFlow ADMIN users)");
            webappAdmins.setType(Groups.GROUP_TYPE_SYSTEM);
            createdOrThere(() -> identityService.saveGroup(webappAdmins),
                    () -> identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() > 0);
        }
        User known = identityService.createUserQuery().userId(username).singleResult();
        if (known != null) {
            // made before the webapps were told a last name: they wrote "null" after the name
            if (known.getLastName() == null) {
                known.setLastName("");
                identityService.saveUser(known);
            }
            return;
        }
        User engineUser = identityService.newUser(username);
        engineUser.setFirstName(displayName == null ? username : displayName);
        // the whole name is the first: the webapps write "first last", and a missing last name as "null"
        engineUser.setLastName("");
        byte[] unusable = new byte[32];
        random.nextBytes(unusable);
        engineUser.setPassword(Base64.getEncoder().encodeToString(unusable));
        createdOrThere(() -> identityService.saveUser(engineUser),
                () -> identityService.createUserQuery().userId(username).count() > 0);
        createdOrThere(() -> identityService.createMembership(username, Groups.CAMUNDA_ADMIN),
                () -> identityService.createUserQuery().userId(username).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0);
    }

    private static void createdOrThere(Runnable create, BooleanSupplier there) {
        try {
            create.run();
        } catch (RuntimeException failed) {
            if (!there.getAsBoolean()) {
                throw failed;
            }
        }
    }
}
