package org.expoflow.workflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.expoflow.workflow.security.RememberedSignIn;
import org.expoflow.workflow.security.SignInFormDetails;
import org.expoflow.workflow.security.provider.DirectoryPerson;
import org.expoflow.workflow.security.provider.NotKnownHere;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Spring Security's sign-in events as audit entries, in place of Boot's own listener, which would keep one entry per
 * API request: every request carries its credentials (HTTP Basic's password, the provider's bearer token) and is
 * published as a success. Kept: every failure, every sign-in on the pages (the form, the provider's), the first
 * request with a password checked afresh ({@code RememberedSignIn} marks the repeats) and a bearer token's first
 * use; and every sign-out. Each says how the person signed in ({@code via}: the sign-in form, HTTP Basic, OpenID
 * Connect, a bearer token, the directory), read from the Authentication's type; a bearer token that signs no one in
 * is kept as {@code (bearer token)}, never under the token itself.
 */
@Component
public class SignInAudit extends AbstractAuthenticationAuditListener {

    public static final String SUCCESS = "AUTHENTICATION_SUCCESS";
    public static final String FAILURE = "AUTHENTICATION_FAILURE";
    public static final String LOGOUT = "LOGOUT_SUCCESS";
    private static final int TOKENS_REMEMBERED = 10_000;

    /** The bearer tokens already kept as a sign-in, by their digest; the oldest forgotten first. */
    private final Set<String> tokensSeen = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > TOKENS_REMEMBERED;
                }
            }));

    @Override
    public void onApplicationEvent(AbstractAuthenticationEvent event) {
        Authentication authentication = event.getAuthentication();
        Map<String, Object> data = new LinkedHashMap<>();
        if (authentication.getDetails() != null) {
            data.put("details", authentication.getDetails());
        }
        String via = via(event);
        if (via != null) {
            data.put("via", via);
        }
        if (event instanceof AbstractAuthenticationFailureEvent failure) {
            data.put("type", failure.getException().getClass().getName());
            data.put("message", failure.getException().getMessage());
            // the provider's page sign-in fails before it has a name; the refusal names the person the provider vouched for
            // nor does a bearer token that signs no one in, whose name would be the token itself: never kept
            String who = failure.getException() instanceof NotKnownHere refused ? refused.person()
                    : authentication instanceof BearerTokenAuthenticationToken ? "(bearer token)" : authentication.getName();
            publish(new AuditEvent(who, FAILURE, data));
        } else if (event instanceof LogoutSuccessEvent) {
            publish(new AuditEvent(authentication.getName(), LOGOUT, data));
        } else if (event instanceof AuthenticationSuccessEvent && firstOfItsKind(authentication)) {
            publish(new AuditEvent(authentication.getName(), SUCCESS, data));
        }
    }

    /**
     * How the person signed in, from the Authentication's type: the provider's pages (OpenID Connect), its bearer token,
     * a directory password (on the form or by HTTP Basic), or ExpoFlow's own password on the form or by HTTP Basic.
     */
    static String via(AbstractAuthenticationEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication instanceof BearerTokenAuthenticationToken || authentication.getCredentials() instanceof Jwt) {
            return "bearer token";
        }
        if (authentication instanceof OAuth2LoginAuthenticationToken || authentication instanceof OAuth2AuthenticationToken
                || authentication instanceof OAuth2AuthorizationCodeAuthenticationToken
                || authentication.getPrincipal() instanceof OidcUser) {
            return "OpenID Connect";
        }
        String door = authentication.getDetails() instanceof SignInFormDetails ? "sign-in form"
                : authentication.getDetails() instanceof WebAuthenticationDetails ? "HTTP Basic" : null;
        // the directory signed the person in, or refused whom it signed in (ExpoFlow's own accounts' refusals are theirs)
        boolean directory = authentication.getPrincipal() instanceof DirectoryPerson
                || event instanceof AbstractAuthenticationFailureEvent failure && failure.getException() instanceof NotKnownHere;
        return directory ? "directory" + (door == null ? "" : " (" + door + ")") : door;
    }

    private boolean firstOfItsKind(Authentication authentication) {
        if (authentication instanceof RememberedSignIn) {
            return false;
        }
        if (authentication.getCredentials() instanceof Jwt token) {
            // the token itself never goes into the log, only whether it was seen
            return tokensSeen.add(digest(token.getTokenValue()));
        }
        return true;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
