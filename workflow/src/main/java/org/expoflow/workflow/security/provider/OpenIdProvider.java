package org.expoflow.workflow.security.provider;

import java.io.IOException;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The province's OpenID provider as the security configuration meets it: the registration the pages' sign-in
 * button leads to ({@code /oauth2/authorization/oidc}), the step that turns the provider's answer into a
 * signed-in ExpoFlow user, and the same for a bearer token on the API. Exists only when
 * {@code EXPOFLOW_OIDC_ISSUER_URI} is set.
 */
public class OpenIdProvider {

    /** Where the sign-in page's button leads. */
    public static final String SIGN_IN_PATH = "/oauth2/authorization/" + ProviderMetadata.REGISTRATION_ID;

    private final ProviderMetadata metadata;
    private final ProviderClaims claims;

    OpenIdProvider(ProviderMetadata metadata, ProviderClaims claims) {
        this.metadata = metadata;
        this.claims = claims;
    }

    public ClientRegistrationRepository registrations() {
        return metadata;
    }

    /** Completes the pages' sign-in when the provider sends the person back with a code. */
    public AuthenticationProvider pageSignIn() {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                new ProviderSignIn(claims));
    }

    /**
     * Signing out of ExpoFlow ends the session at the province's provider too, for a person who signed in there, so
     * that the next sign-in on a shared office computer asks for the password again; the provider then sends the
     * person back to {@code signedOutPage}. Someone signed in with a password goes there directly.
     */
    public LogoutSuccessHandler signOut(String signedOutPage) {
        OidcClientInitiatedLogoutSuccessHandler atTheProvider = new OidcClientInitiatedLogoutSuccessHandler(metadata);
        atTheProvider.setPostLogoutRedirectUri("{baseUrl}" + signedOutPage);
        atTheProvider.setDefaultTargetUrl(signedOutPage);
        return atTheProvider;
    }

    /** Signs in the person whose bearer token an API call carries. */
    public AuthenticationProvider bearerSignIn() {
        JwtAuthenticationProvider bearer = new JwtAuthenticationProvider(metadata.bearerTokens());
        bearer.setJwtAuthenticationConverter(new BearerSignIn(claims));
        return bearer;
    }

    /**
     * Keeps the sign-in button from leading to a provider that cannot be reached just now: back to the sign-in page,
     * which says so, rather than to an error.
     */
    public OncePerRequestFilter providerUnreachable() {
        RequestMatcher button = PathPatternRequestMatcher.withDefaults().matcher(SIGN_IN_PATH);
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (button.matches(request) && !metadata.reachable()) {
                    response.sendRedirect(request.getContextPath() + "/login?providerUnreachable");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * The bearer token of an API call; none on the metrics endpoint, whose bearer token is the scrape token
     * ({@code EXPOFLOW_METRICS_SCRAPE_TOKEN}), not the provider's.
     */
    public BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        RequestMatcher metrics = PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus");
        return request -> metrics.matches(request) ? null : tokens.resolve(request);
    }
}
