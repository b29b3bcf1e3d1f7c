package org.expoflow.workflow.security;

import org.camunda.bpm.engine.IdentityService;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic on the API, the engine's REST API and the metrics; the Camunda webapps keep their own
 * sign-in. Roles are checked again on each endpoint and, for task changes, by the domain's policies.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDirectory users, PasswordEncoder passwordEncoder, Clock clock) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new RememberedCredentials(bcrypt, users, clock));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
                                    AuthenticationManager authenticationManager) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                // path patterns over the whole application, not MVC's: /engine-rest is Jersey's servlet, not MVC's
                .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        .requestMatchers(paths("/actuator/**")).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new BasicEntryPoint()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /** Everything else (the Camunda webapps, the root page) is served as is; the webapps sign in by themselves. */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // the webapps carry their own CSRF protection and session sign-in
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(builder::matcher)
                .map(RequestMatcher.class::cast).toList());
    }

    /** Asks for Basic credentials with a 401 that carries the realm, and no HTML page. */
    static class BasicEntryPoint extends org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint {
        BasicEntryPoint() {
            setRealmName("ExpoFlow");
            afterPropertiesSet();
        }
    }
}
