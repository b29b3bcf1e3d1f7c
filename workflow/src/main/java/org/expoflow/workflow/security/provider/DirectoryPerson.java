package org.expoflow.workflow.security.provider;

import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.provider.SignInGroups.Membership;

/**
 * A person signed in with their directory password (on the form or by HTTP Basic): an ExpoFlow user like any other,
 * told apart only so that the audit log says how they signed in. Their password is the directory's business.
 */
public class DirectoryPerson extends ExpoFlowUser {

    DirectoryPerson(String username, Membership membership) {
        super(username, "", membership.role(), membership.unitId());
    }
}
