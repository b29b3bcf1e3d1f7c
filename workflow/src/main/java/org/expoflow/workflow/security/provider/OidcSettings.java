package org.expoflow.workflow.security.provider;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * The province's OpenID provider, as ExpoFlow's client there ({@code EXPOFLOW_OIDC_*}).
 *
 * @param issuerUri      the provider's issuer, as its tokens name it and as browsers reach it
 * @param clientId       ExpoFlow's client at the provider
 * @param clientSecret   that client's secret
 * @param backchannelUri where ExpoFlow itself reaches the issuer, when not at {@code issuerUri} (in a compose
 *                       network, the provider's service name): the provider's metadata is read there
 * @param userNameClaim  the claim holding the person's user name in ExpoFlow ({@code sub} when a token lacks it)
 * @param groupClaims    the claims holding the person's groups or roles, read by {@link SignInGroups}
 * @param audience       when set, a bearer token must name it in {@code aud}: a token the provider issued to
 *                       another of the province's systems does not open ExpoFlow's API
 * @param scopes         the scopes ExpoFlow asks for at sign-in
 */
@ConfigurationProperties("expoflow.oidc")
@Validated
public record OidcSettings(@NotBlank String issuerUri, @NotBlank String clientId, @NotBlank String clientSecret,
                           String backchannelUri,
                           @DefaultValue("preferred_username") String userNameClaim,
                           @DefaultValue({"groups", "roles"}) List<String> groupClaims,
                           String audience,
                           @DefaultValue({"openid", "profile"}) List<String> scopes) {

    /** Where ExpoFlow reads the provider's metadata. */
    String metadataLocation() {
        String base = backchannelUri == null || backchannelUri.isBlank() ? issuerUri : backchannelUri;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/.well-known/openid-configuration";
    }
}
