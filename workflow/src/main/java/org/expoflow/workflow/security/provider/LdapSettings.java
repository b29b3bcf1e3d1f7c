package org.expoflow.workflow.security.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * The province's directory, where people sign in with their directory password ({@code EXPOFLOW_LDAP_*}).
 *
 * @param url                 the directory, e.g. {@code ldaps://ldap.example.gov.cn:636}
 * @param baseDn              the root of ExpoFlow's searches, e.g. {@code dc=example,dc=gov,dc=cn}
 * @param managerDn           whom ExpoFlow binds as to search (none: anonymous searches)
 * @param managerPassword     that one's password
 * @param userSearchBase      where people are, under the base
 * @param userSearchFilter    how a person is found by the name they sign in with ({0})
 * @param groupSearchBase     where groups are, under the base
 * @param groupSearchFilter   the groups a person is in ({0}: the person's entry, {1}: the name they signed in with)
 * @param groupNameAttribute  the attribute that names a group for {@link SignInGroups}
 */
@ConfigurationProperties("expoflow.ldap")
@Validated
public record LdapSettings(@NotBlank String url, @NotBlank String baseDn, String managerDn, String managerPassword,
                           @DefaultValue("ou=people") String userSearchBase,
                           @DefaultValue("(uid={0})") String userSearchFilter,
                           @DefaultValue("ou=groups") String groupSearchBase,
                           @DefaultValue("(member={0})") String groupSearchFilter,
                           @DefaultValue("cn") String groupNameAttribute) {
}
