/**
 * Who may sign in and what they are: coordinators, city clerks (one unit each), leaders, admins.
 * HTTP Basic against bcrypt-hashed users; every signed-in request also becomes the engine's current
 * authentication, so whatever the user changes through the engine carries their name.
 */
package org.expoflow.workflow.security;
