package org.expoflow.workflow.security;

import org.camunda.bpm.engine.IdentityService;
import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.expoflow.workflow.api.IdempotentRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic on the API, the engine's REST API, the metrics and the Camunda webapps (ADMIN only); a
 * sign-in form and a session for ExpoFlow's pages; nothing anonymous but the health endpoint and the
 * sign-in page. Roles are checked again on each endpoint and, for
 * commands, by the domain's policies.
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
                                    AuthenticationManager authenticationManager, JdbcTemplate jdbc, Clock clock,
                                    @Value("${expoflow.metrics.scrape-token:}") String scrapeToken) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                // path patterns over the whole application, not MVC's: /engine-rest is Jersey's servlet, not MVC's
                .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        // the engine's API by allow-list per role, whatever the engine-name prefix
                        .requestMatchers(paths("/engine-rest/**")).access(new EngineRestAllowList())
                        .requestMatchers(paths("/actuator/prometheus")).hasAnyRole(Role.ADMIN.name(), ScrapeTokenFilter.METRICS_ROLE)
                        .requestMatchers(paths("/actuator/**")).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new BasicEntryPoint()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .addFilterAfter(new IdempotentRequests(jdbc, clock), EngineAuthenticationFilter.class)
                .build();
    }

    /**
     * The Camunda webapps, for ADMIN only, signed in once through ours (the webapps take the signed-in user
     * from the request, see {@link #camundaWebappsSingleSignOn()}).
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappsSecurity(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .securityMatcher(paths("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new BasicEntryPoint()))
                // the webapps carry their own CSRF protection
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * ExpoFlow's own pages: a sign-in form, a session, CSRF tokens on every form; the sign-in page, the
     * static files and the health endpoint are all that is served without signing in. The signed-in user
     * acts in the engine as on the API.
     */
    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                     IdentityService identityService) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/login", "/webjars/**", "/css/**", "/favicon.ico", "/error")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AnonymousAuthenticationFilter.class)
                .build();
    }

    /** The webapps (Cockpit, Tasklist, Admin) trust the user Spring Security signed in, instead of asking again. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappsSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security's filter chain (order -100), which has signed the user in by then
        registration.setOrder(201);
        return registration;
    }

    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(builder::matcher)
                .map(RequestMatcher.class::cast).toList());
    }

    /** Asks for Basic credentials with a 401 that carries the realm and a problem body. */
    static class BasicEntryPoint extends org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint {
        BasicEntryPoint() {
            setRealmName("ExpoFlow");
            afterPropertiesSet();
        }

        @Override
        public void commence(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                             org.springframework.security.core.AuthenticationException authException) throws java.io.IOException {
            if (authException instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
                // the user store (the database) could not be asked: not the caller's fault
                response.setStatus(503);
                response.setHeader("Retry-After", "5");
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                        + "\"detail\":\"the database cannot be reached just now; nothing was changed, try again in a few seconds\"}");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"ExpoFlow\"");
            response.setStatus(401);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"sign in with your ExpoFlow user name and password (HTTP Basic)\"}");
        }
    }
}
