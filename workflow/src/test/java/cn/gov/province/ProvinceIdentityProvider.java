package cn.gov.province;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The province's identity provider, for the tests: Spring Authorization Server, a real OpenID provider, running
 * in the test's JVM on a port of its own, at {@code localhost} (ExpoFlow is reached at {@code 127.0.0.1}, so the
 * two keep their session cookies apart). Its people carry their groups in the {@code groups} claim of their ID
 * and access tokens, as the province's Keycloak does with a group mapper.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class})
public class ProvinceIdentityProvider {

    /** Every person's password at the provider. */
    public static final String PASSWORD = "province-pass-1";

    /** ExpoFlow's client at the provider. */
    public static final String CLIENT_ID = "expoflow";
    public static final String CLIENT_SECRET = "expoflow-secret";

    /** Another of the province's clients, which calls ExpoFlow's API with its people's tokens. */
    public static final String API_CLIENT_ID = "reporting-tool";
    public static final String API_CLIENT_SECRET = "reporting-secret";
    public static final String API_CLIENT_REDIRECT = "http://127.0.0.1/reporting/callback";

    /** The people, by user name, with their groups. */
    public enum Person {
        /** a clerk of Shenyang's Bureau of Commerce, known to ExpoFlow only through the provider */
        ZHANG_WEI("zhang.wei", "unit-shenyang"),
        /** a clerk of Dalian's */
        LIU_YANG("liu.yang", "unit-dalian"),
        /** of the expo office */
        LI_NA("li.na", "expo-office"),
        /** someone the provider knows, in no group ExpoFlow maps */
        ZHAO_LEI("zhao.lei", "visitors"),
        /** in the expo office and a city's bureau at once */
        CHEN_JIE("chen.jie", "expo-office", "unit-dalian"),
        /** someone at the provider whose user name is that of ExpoFlow's own auditor (a local account) */
        AUDITOR_NAMESAKE("auditor", "expo-office"),
        /** a clerk of Dalian's whom the province moves to Anshan's bureau ({@link #moveTo}) */
        WU_GANG("wu.gang", "unit-dalian");

        public final String username;
        final String[] groups;

        Person(String username, String... groups) {
            this.username = username;
            this.groups = groups;
        }
    }

    private static ConfigurableApplicationContext running;

    /** The provider's issuer, started once per JVM. */
    public static synchronized String issuer() {
        if (running == null) {
            running = new SpringApplicationBuilder(ProvinceIdentityProvider.class).web(WebApplicationType.SERVLET)
                    .properties("server.port=0", "spring.config.name=province-identity-provider", "spring.main.banner-mode=off",
                            "spring.jmx.enabled=false")
                    .run();
        }
        return "http://localhost:" + ((WebServerApplicationContext) running).getWebServer().getPort();
    }

    /** The province puts the person in these groups instead: from their next sign-in on, their tokens say so. */
    public static synchronized void moveTo(Person person, String... groups) {
        issuer();
        running.getBean("people", InMemoryUserDetailsManager.class).updateUser(
                User.withUsername(person.username).password("{noop}" + PASSWORD).authorities(groups).build());
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        return http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signInForm(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService people() {
        InMemoryUserDetailsManager people = new InMemoryUserDetailsManager();
        for (Person person : Person.values()) {
            people.createUser(User.withUsername(person.username).password("{noop}" + PASSWORD).authorities(person.groups).build());
        }
        return people;
    }

    @Bean
    RegisteredClientRepository clients() {
        RegisteredClient expoflow = RegisteredClient.withId(UUID.randomUUID().toString()).clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // a loopback address: the provider ignores the port, which the test's ExpoFlow picks at random
                .redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
        RegisteredClient reporting = RegisteredClient.withId(UUID.randomUUID().toString()).clientId(API_CLIENT_ID)
                .clientSecret("{noop}" + API_CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(API_CLIENT_REDIRECT)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
        return new InMemoryRegisteredClientRepository(expoflow, reporting);
    }

    /** The person's groups and user name in both their ID token and their access token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsInTokens() {
        return context -> {
            List<String> groups = context.getPrincipal().getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            context.getClaims().claim("groups", groups).claim("preferred_username", context.getPrincipal().getName());
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** For the user-info endpoint, which reads the access token it is called with. */
    @Bean
    JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }
}
