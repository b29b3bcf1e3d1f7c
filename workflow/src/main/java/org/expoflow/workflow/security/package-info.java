/**
 * Who may sign in and what they are: coordinators, city clerks (one unit each), leaders, admins.
 * HTTP Basic against bcrypt-hashed users; every signed-in request also becomes the engine's current
 * authentication, so whatever the user changes through the engine carries their name. The engine's own
 * REST API is open by allow-list per role ({@code EngineRestAllowList}); failed sign-ins are slowed down
 * per name and address ({@code SignInThrottle}). The province's identity provider (OIDC, bearer tokens, LDAP)
 * signs people in beside them when configured ({@code security.provider}).
 */
package org.expoflow.workflow.security;
