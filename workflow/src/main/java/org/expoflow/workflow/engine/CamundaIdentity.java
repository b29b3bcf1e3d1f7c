package org.expoflow.workflow.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * {@link EngineIdentity} in Camunda's identity service: the acting person is its current authentication, which
 * {@link ActingContext} reads; the webapps' administrators are its users in the group {@code camunda-admin}.
 */
@Component
public class CamundaIdentity implements EngineIdentity {

    private final IdentityService identityService;
    private final SecureRandom random = new SecureRandom();

    public CamundaIdentity(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Acting actAs(String username, List<String> groups) {
        identityService.setAuthentication(username, groups);
        return identityService::clearAuthentication;
    }

    /** What the other node created a moment earlier is taken as created. */
    @Override
    public void admitToTheWebapps(String username, String displayName) {
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
