package org.expoflow.workflow.security.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.RemoteKeySourceException;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The provider's OpenID configuration, read when first needed rather than at start: ExpoFlow starts, and its
 * own users sign in, while the provider is down, and a read that failed is tried again at the next sign-in.
 * From it come ExpoFlow's client registration (id {@value #REGISTRATION_ID}) and the decoder of bearer tokens.
 */
class ProviderMetadata implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "oidc";

    private final OidcSettings settings;
    private final RestClient http = RestClient.create();
    private volatile ClientRegistration registration;
    private volatile JwtDecoder tokens;

    ProviderMetadata(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration() : null;
    }

    ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = read();
                }
                known = registration;
            }
        }
        return known;
    }

    /** Bearer tokens signed by the provider's keys, issued by it, unexpired, and for ExpoFlow when an audience is set. */
    JwtDecoder bearerTokens() {
        return token -> {
            JwtDecoder decoder = tokens;
            if (decoder == null) {
                synchronized (this) {
                    if (tokens == null) {
                        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(registration().getProviderDetails().getJwkSetUri())
                                .build();
                        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
                        checks.add(JwtValidators.createDefaultWithIssuer(registration().getProviderDetails().getIssuerUri()));
                        if (settings.audience() != null && !settings.audience().isBlank()) {
                            checks.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                                    audience -> audience != null && audience.contains(settings.audience())));
                        }
                        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
                        tokens = nimbus;
                    }
                    decoder = tokens;
                }
            }
            try {
                return decoder.decode(token);
            } catch (BadJwtException notTheProviders) {
                throw notTheProviders;
            } catch (JwtException failed) {
                if (failed.getCause() instanceof RemoteKeySourceException down) {
                    throw new ProviderUnreachable(registration().getProviderDetails().getJwkSetUri(), down);
                }
                throw failed;
            }
        };
    }

    /** Whether the provider's metadata can be read (and now is): the pages' sign-in button asks before leading there. */
    boolean reachable() {
        try {
            registration();
            return true;
        } catch (ProviderUnreachable down) {
            return false;
        }
    }

    private ClientRegistration read() {
        Map<String, Object> metadata;
        try {
            metadata = http.get().uri(settings.metadataLocation()).retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        } catch (RestClientException down) {
            throw new ProviderUnreachable(settings.metadataLocation(), down);
        }
        if (metadata == null || !settings.issuerUri().equals(metadata.get("issuer"))) {
            throw new IllegalStateException("the OpenID provider at " + settings.metadataLocation() + " names the issuer "
                    + (metadata == null ? null : metadata.get("issuer")) + ", not EXPOFLOW_OIDC_ISSUER_URI " + settings.issuerUri());
        }
        return ClientRegistrations.fromOidcConfiguration(metadata)
                .registrationId(REGISTRATION_ID)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope(settings.scopes())
                .userNameAttributeName("sub")
                .build();
    }
}
