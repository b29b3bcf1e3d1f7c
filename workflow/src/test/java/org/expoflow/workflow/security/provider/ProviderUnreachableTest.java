package org.expoflow.workflow.security.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * While the province's provider cannot be reached, the sign-in button leads back to the sign-in page, which says so,
 * and a bearer call is told to try again (503), not an error; ExpoFlow's own users are untouched (the provider is
 * asked for nothing at start).
 */
class ProviderUnreachableTest {

    /** Nothing listens on port 1 of this machine. */
    private final OidcSettings settings = new OidcSettings("http://127.0.0.1:1/realms/expoflow", "expoflow", "secret", null,
            "preferred_username", List.of("groups"), null, List.of("openid"));
    private final ProviderMetadata metadata = new ProviderMetadata(settings);

    @Test
    void theSignInButtonLeadsBackToTheSignInPageWhichSaysSo() throws Exception {
        MockHttpServletRequest button = new MockHttpServletRequest("GET", OpenIdProvider.SIGN_IN_PATH);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new OpenIdProvider(metadata, null).providerUnreachable().doFilter(button, response, chain);

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?providerUnreachable");
        assertThat(chain.getRequest()).as("the provider's redirect is not attempted").isNull();
        MockFilterChain elsewhere = new MockFilterChain();
        new OpenIdProvider(metadata, null).providerUnreachable()
                .doFilter(new MockHttpServletRequest("GET", "/tasks"), new MockHttpServletResponse(), elsewhere);
        assertThat(elsewhere.getRequest()).isNotNull();
    }

    @Test
    void aBearerCallIsToldToTryAgainShortly() throws Exception {
        assertThatThrownBy(() -> metadata.bearerTokens().decode("a.b.c")).isInstanceOf(ProviderUnreachable.class);

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        MockHttpServletRequest call = new MockHttpServletRequest("GET", "/api/tasks");
        call.addPreferredLocale(Locale.SIMPLIFIED_CHINESE);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SignInRefusals(messages).commence(call, response, new ProviderUnreachable("there", null));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("暂时无法连接省统一身份认证");
    }
}
