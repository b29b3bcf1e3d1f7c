package org.expoflow.workflow.security.provider;

import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The province's identity provider, when its settings are there ({@code EXPOFLOW_OIDC_*}, {@code EXPOFLOW_LDAP_*}). */
@Configuration(proxyBeanMethods = false)
public class ProvinceSignIn {

    @Bean
    SignInGroups signInGroups(@Value("${expoflow.sign-in.groups:}") String groups,
                              @Value("${expoflow.sign-in.unit-group-prefix:}") String unitGroupPrefix, UnitRegister units) {
        return new SignInGroups(groups, unitGroupPrefix, units);
    }

    @Bean
    ProviderPeople providerPeople(UserDirectory users, ApplicationEventPublisher events) {
        return new ProviderPeople(users, events);
    }

    @Bean
    SignInRefusals signInRefusals(MessageSource messages) {
        return new SignInRefusals(messages);
    }

    /** OpenID Connect: the pages' sign-in button and bearer tokens on the API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${expoflow.oidc.issuer-uri:}'.isBlank()")
    @EnableConfigurationProperties(OidcSettings.class)
    static class OpenIdConnect {

        @Bean
        OpenIdProvider openIdProvider(OidcSettings settings, SignInGroups groups, ProviderPeople people) {
            return new OpenIdProvider(new ProviderMetadata(settings), new ProviderClaims(settings, groups, people));
        }
    }

    /** LDAP: directory passwords on the sign-in form and by HTTP Basic. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${expoflow.ldap.url:}'.isBlank()")
    @EnableConfigurationProperties(LdapSettings.class)
    static class Directory {

        @Bean
        DirectorySignIn directorySignIn(LdapSettings settings, SignInGroups groups, ProviderPeople people) {
            return new DirectorySignIn(settings, groups, people);
        }
    }
}
