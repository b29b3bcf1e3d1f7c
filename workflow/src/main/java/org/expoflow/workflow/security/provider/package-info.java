/**
 * Sign-in through the province's identity provider instead of, or beside, ExpoFlow's own passwords. A person
 * signs in at the provider (OpenID Connect, {@code EXPOFLOW_OIDC_*}) or with their directory password (LDAP,
 * {@code EXPOFLOW_LDAP_*}), or a client calls the API with the provider's bearer token; in each case the
 * provider vouches for who they are, and their groups say what they are in ExpoFlow ({@link
 * org.expoflow.workflow.security.provider.SignInGroups}): a coordinator, a leader, an administrator or a clerk of
 * one registered unit. Someone the groups make nothing of is refused with a sentence that sends them to the
 * expo office's administrator. A person who signs in is kept in ExpoFlow's user list ({@link
 * org.expoflow.workflow.security.provider.ProviderPeople}), so that notices reach them and an administrator can
 * disable them here. Without any of these settings nothing here exists and ExpoFlow signs in its own users only.
 */
package org.expoflow.workflow.security.provider;
