/**
 * The engine's webapps (Cockpit, Tasklist, Admin) behind ExpoFlow's sign-in: they take the person Spring Security
 * signed in from the request instead of asking again. Which paths of theirs a role reaches is ExpoFlow's security's
 * ({@code security.SecurityConfig}); whom they admit is the engine's identity port's ({@code engine.EngineIdentity}).
 */
package org.expoflow.workflow.engine.webapps;
