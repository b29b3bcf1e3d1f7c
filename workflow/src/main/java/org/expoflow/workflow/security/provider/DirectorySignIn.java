package org.expoflow.workflow.security.provider;

import java.util.List;

import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.provider.SignInGroups.Membership;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;

/**
 * Sign-in with a directory password, on the pages' form and by HTTP Basic alike: ExpoFlow's own users are
 * checked first, and a name and password they do not match are tried against the directory, which binds as the
 * person (their password never stays here); the person's directory groups place them ({@link SignInGroups}). One
 * check for both, so a failed sign-in counts once towards the throttle, whichever store refused it. A directory person
 * whose name is that of one of ExpoFlow's own accounts is refused even with the directory's right password: they are not
 * that account.
 */
public class DirectorySignIn {

    private final LdapAuthenticationProvider directory;
    private final SignInGroups groups;
    private final ProviderPeople people;

    DirectorySignIn(LdapSettings settings, SignInGroups groups, ProviderPeople people) {
        DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(List.of(settings.url()), settings.baseDn());
        if (settings.managerDn() != null && !settings.managerDn().isBlank()) {
            source.setUserDn(settings.managerDn());
            source.setPassword(settings.managerPassword());
        }
        source.afterPropertiesSet();
        BindAuthenticator bind = new BindAuthenticator(source);
        bind.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(), source));
        DefaultLdapAuthoritiesPopulator memberships = new DefaultLdapAuthoritiesPopulator(source, settings.groupSearchBase());
        memberships.setGroupSearchFilter(settings.groupSearchFilter());
        memberships.setGroupRoleAttribute(settings.groupNameAttribute());
        memberships.setSearchSubtree(true);
        // the groups' names as the directory spells them, which is how EXPOFLOW_SIGN_IN_GROUPS names them
        memberships.setRolePrefix("");
        memberships.setConvertToUpperCase(false);
        this.directory = new LdapAuthenticationProvider(bind, memberships);
        this.groups = groups;
        this.people = people;
    }

    /** ExpoFlow's own password check, then the directory's. */
    public AuthenticationProvider after(AuthenticationProvider ownUsers) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                try {
                    return ownUsers.authenticate(authentication);
                } catch (BadCredentialsException notOurs) {
                    return directory(authentication);
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private Authentication directory(Authentication authentication) {
        Authentication bound = directory.authenticate(authentication);
        String username = authentication.getName();
        // the directory's password was right, but its person is not ExpoFlow's own account of that name
        people.notALocalAccount(username);
        Membership membership = groups.membershipOf(username,
                bound.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        people.signedIn(username, membership, null, "directory");
        ExpoFlowUser user = new DirectoryPerson(username, membership);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
