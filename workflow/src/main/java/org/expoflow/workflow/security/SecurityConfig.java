package org.expoflow.workflow.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.expoflow.workflow.security.provider.DirectorySignIn;
import org.expoflow.workflow.security.provider.NotKnownHere;
import org.expoflow.workflow.security.provider.OpenIdProvider;
import org.expoflow.workflow.security.provider.SignInRefusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.expoflow.workflow.http.DatabaseOutageAnswers;
import org.expoflow.workflow.http.IdempotentRequests;
import org.expoflow.workflow.engine.EngineDoors;
import org.expoflow.workflow.engine.EngineIdentity;
import org.expoflow.workflow.engine.StepFormVariables;
import org.springframework.context.MessageSource;
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
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic on the API, the engine's REST API, the metrics and the Camunda webapps (ADMIN only); a
 * sign-in form and a session for ExpoFlow's pages; nothing anonymous but the health endpoint and the
 * sign-in page. Roles are checked again on each endpoint and, for
 * commands, by the domain's policies. When the province's identity provider is configured
 * ({@code security.provider}), its sign-in joins the pages' form, its bearer tokens join HTTP Basic, and its
 * directory's passwords join ExpoFlow's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SignInThrottle signInThrottle(@Value("${expoflow.sign-in.free-failures-per-user:5}") int perUser,
                                  @Value("${expoflow.sign-in.free-failures-per-address:50}") int perAddress, Clock clock) {
        return new SignInThrottle(perUser, perAddress, clock);
    }

    /**
     * Every sign-in, success or failure, is published as Spring Security's event, whichever way it came (a
     * password, the identity provider's answer or bearer token): a failure of a kind Spring names no event for (the
     * provider's refusal, a person ExpoFlow does not know) as a failure with bad credentials.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    @Bean
    AuthenticationManager authenticationManager(UserDirectory users, PasswordEncoder passwordEncoder, SignInThrottle throttle,
                                                Clock clock, AuthenticationEventPublisher events,
                                                ObjectProvider<OpenIdProvider> openIdProvider,
                                                ObjectProvider<DirectorySignIn> directory,
                                                ApplicationEventPublisher applicationEvents) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwordEncoder);
        // a disabled account is refused after its password is checked, with the answer a wrong password gets
        bcrypt.setPreAuthenticationChecks(user -> { });
        List<AuthenticationProvider> providers = new ArrayList<>();
        DirectorySignIn directoryPasswords = directory.getIfAvailable();
        providers.add(new RememberedCredentials(directoryPasswords == null ? bcrypt : directoryPasswords.after(bcrypt), users,
                throttle, clock, applicationEvents));
        // the pages' sign-in through the provider ends here, with the code the provider sent the person back with
        openIdProvider.ifAvailable(provider -> providers.add(provider.pageSignIn()));
        ProviderManager manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /** A path the firewall refuses ({@code ;} parameters, encoded slashes, {@code ..}) is the caller's error: 400, not 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            response.setStatus(400);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"field\":\"path\",\"detail\":\"the request path holds a ';' parameter, an encoded slash or '..'\"}");
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, EngineIdentity engineIdentity,
                                    AuthenticationManager authenticationManager, JdbcTemplate jdbc,
                                    PlatformTransactionManager transactionManager, Clock clock,
                                    @Value("${expoflow.metrics.scrape-token:}") String scrapeToken,
                                    ObjectProvider<OpenIdProvider> openIdProvider, AuthenticationEventPublisher events,
                                    SignInRefusals refusals, PasswordRules passwordRules, UserDirectory users,
                                    MessageSource messages) throws Exception {
        http
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
                        // the people who sign in are the security administrator's, the audit log the auditor's (三员分立)
                        .requestMatchers(paths("/api/admin/users", "/api/admin/users/**")).hasRole(Role.SECURITY_ADMIN.name())
                        .requestMatchers(paths("/api/audit", "/api/audit/**")).hasRole(Role.AUDITOR.name())
                        // the office's endpoints check the role before the body, so a city learns nothing of their schema
                        .requestMatchers(paths("/api/admin/**")).hasRole(Role.ADMIN.name())
                        .requestMatchers(posts("/api/directive-kinds")).hasRole(Role.ADMIN.name())
                        .requestMatchers(posts("/api/expos", "/api/expos/*/units", "/api/directives",
                                "/api/directives/*/withdraw", "/api/tasks/*/extend", "/api/tasks/*/reassign", "/api/tasks/bulk",
                                "/api/tasks/*/cooperating-units", "/api/tasks/*/chase-up", "/api/tasks/*/extension-request/decision")).hasRole(Role.COORDINATOR.name())
                        .requestMatchers(puts("/api/expos/*/ranking/weights")).hasRole(Role.COORDINATOR.name())
                        .requestMatchers(paths("/api/meetings/**", "/api/meetings", "/api/expos/*/statistics",
                                "/api/expos/*/overdue", "/api/expos/*/due-soon", "/api/expos/*/trend"))
                        .hasAnyRole(Role.LEADER.name(), Role.COORDINATOR.name())
                        .requestMatchers(paths("/api/me/password")).authenticated()
                        // the security administrator and the auditor do none of the office's work
                        .anyRequest().hasAnyRole(WORKING_ROLES))
                .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint(refusals)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new BasicEntryPoint(refusals))
                        .accessDeniedHandler(new RefusalsAsProblems()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        OpenIdProvider provider = openIdProvider.getIfAvailable();
        if (provider != null) {
            // the provider's bearer tokens, beside HTTP Basic: a client of the province's needs no password here
            ProviderManager bearer = new ProviderManager(provider.bearerSignIn());
            bearer.setAuthenticationEventPublisher(events);
            http.oauth2ResourceServer(tokens -> tokens.bearerTokenResolver(provider.bearerTokens())
                    .authenticationEntryPoint(refusals)
                    .jwt(jwt -> jwt.authenticationManager(bearer)));
        }
        return http
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeDue(passwordRules, users, messages, true), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(engineIdentity), PasswordChangeDue.class)
                .addFilterAfter(new IdempotentRequests(jdbc, transactionManager, clock), EngineAuthenticationFilter.class)
                .build();
    }

    /**
     * The Camunda webapps, for ADMIN only, signed in once through ours (the webapps take the signed-in user
     * from the request, see {@code engine.webapps.WebappsSingleSignOn}).
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappsSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                               SignInRefusals refusals) throws Exception {
        return http
                .authenticationManager(authenticationManager)
                .securityMatcher(paths("/camunda/**"))
                .authorizeHttpRequests(requests -> requests
                        // the webapps' copy of the engine's API is no wider than /engine-rest
                        .requestMatchers(paths(EngineDoors.WEBAPPS_ENGINE + "/**")).access(new EngineRestAllowList())
                        // the webapps' own plug-ins: reading, and Cockpit's queries; no set-up, no user, no authorization
                        .requestMatchers(gets("/camunda/api/**")).hasRole(Role.ADMIN.name())
                        .requestMatchers(posts("/camunda/api/cockpit/plugin/**", "/camunda/api/admin/auth/user/*/logout"))
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(paths("/camunda/api/**")).denyAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint(refusals)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new BasicEntryPoint(refusals))
                        .defaultAccessDeniedHandlerFor(new RefusalsAsProblems(), paths("/camunda/api/**")))
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
                                     EngineIdentity engineIdentity, ObjectProvider<OpenIdProvider> openIdProvider,
                                     SignInRefusals refusals, PasswordRules passwordRules, UserDirectory users,
                                     MessageSource messages) throws Exception {
        OpenIdProvider provider = openIdProvider.getIfAvailable();
        if (provider != null) {
            // the sign-in page's button leads to the provider, which sends the person back signed in or refused
            http.oauth2Login(signIn -> signIn.loginPage("/login").clientRegistrationRepository(provider.registrations())
                    .defaultSuccessUrl("/", true).failureHandler(refusals))
                    .addFilterBefore(provider.providerUnreachable(), OAuth2AuthorizationRequestRedirectFilter.class);
        }
        return http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")).permitAll()
                        .requestMatchers(paths("/admin/users", "/admin/users/**")).hasRole(Role.SECURITY_ADMIN.name())
                        .requestMatchers(paths("/audit", "/audit/**")).hasRole(Role.AUDITOR.name())
                        .requestMatchers(paths("/", "/password", "/inbox", "/inbox/**")).authenticated()
                        .anyRequest().hasAnyRole(WORKING_ROLES))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
                        .authenticationDetailsSource(SignInFormDetails::new)
                        .failureHandler(new SignInFormFailures()))
                // to the sign-in page by a relative Location: the browser's own address, never the Host header's
                .exceptionHandling(errors -> errors.authenticationEntryPoint(relativeSignIn()))
                // htmx and ECharts come from our own WebJars: the pages load nothing from anywhere else
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CONTENT_SECURITY_POLICY)))
                .logout(logout -> {
                    if (provider != null) {
                        logout.logoutSuccessHandler(provider.signOut("/login?signedOut"));
                    } else {
                        logout.logoutSuccessUrl("/login?signedOut");
                    }
                })
                .addFilterAfter(new PageSessionInForce(users), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeDue(passwordRules, users, messages, false), PageSessionInForce.class)
                .addFilterAfter(new EngineAuthenticationFilter(engineIdentity), PasswordChangeDue.class)
                .build();
    }

    /** Ahead of every other filter: Spring's own path parsing fails on a ';' in the first segment. */
    @Bean
    FilterRegistrationBean<PathParameterRefusal> pathParameterRefusal() {
        FilterRegistrationBean<PathParameterRefusal> registration = new FilterRegistrationBean<>(new PathParameterRefusal());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Uploads to the engine's doors (Jersey reads them itself) kept to the limits of ExpoFlow's own; after Spring
     * Security's filter chain (order -100), so only a caller allowed there has a body read.
     */
    @Bean
    FilterRegistrationBean<UploadLimits> engineUploadLimits(
            @Value("${spring.servlet.multipart.max-request-size:10MB}") org.springframework.util.unit.DataSize maxRequestSize,
            @Value("${server.tomcat.max-part-count:20}") int maxPartCount, MessageSource messages) {
        FilterRegistrationBean<UploadLimits> registration =
                new FilterRegistrationBean<>(new UploadLimits(maxRequestSize.toBytes(), maxPartCount, messages));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(0);
        return registration;
    }

    /** After Spring Security, so only those allowed to decide reach the check; on both doors of the engine's API. */
    @Bean
    FilterRegistrationBean<StepFormOnlyDecisions> stepFormOnlyDecisions(StepFormVariables forms, MessageSource messages) {
        FilterRegistrationBean<StepFormOnlyDecisions> registration = new FilterRegistrationBean<>(new StepFormOnlyDecisions(forms, messages));
        registration.addUrlPatterns(EngineDoors.ENGINE_REST + "/*", EngineDoors.WEBAPPS_ENGINE + "/*");
        // after the upload limits, which keep the body this reads within bounds
        registration.setOrder(1);
        return registration;
    }

    private static org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint relativeSignIn() {
        org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint signIn =
                new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");
        signIn.setFavorRelativeUris(true);
        return signIn;
    }

    /** The roles that do the office's or the system's work: everything but the security administrator's and auditor's. */
    private static final String[] WORKING_ROLES = java.util.Arrays.stream(Role.values()).filter(Role::doesTheWork)
            .map(Role::name).toArray(String[]::new);

    public static final String PAGES_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** A wrong password back to the form; a sign-in while throttled answers 429 with the seconds to wait. */
    static class SignInFormFailures extends org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler {
        SignInFormFailures() {
            super("/login?error");
        }

        @Override
        public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                                            jakarta.servlet.http.HttpServletResponse response,
                                            org.springframework.security.core.AuthenticationException exception)
                throws java.io.IOException, jakarta.servlet.ServletException {
            if (exception instanceof NotKnownHere refused) {
                // a directory password that is right, of someone the directory's groups do not place
                getRedirectStrategy().sendRedirect(request, response, "/login?refused=" + refused.reason().name());
                return;
            }
            if (exception instanceof SignInThrottled throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                // for the error page, which says it in the reader's language
                request.setAttribute("retryAfterSeconds", throttled.retryAfterSeconds());
                response.sendError(429, throttled.getMessage());
                return;
            }
            super.onAuthenticationFailure(request, response, exception);
        }
    }

    private static RequestMatcher posts(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(pattern -> builder.matcher(HttpMethod.POST, pattern))
                .map(RequestMatcher.class::cast).toList());
    }

    private static RequestMatcher puts(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(pattern -> builder.matcher(HttpMethod.PUT, pattern))
                .map(RequestMatcher.class::cast).toList());
    }

    private static RequestMatcher gets(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(pattern -> builder.matcher(HttpMethod.GET, pattern))
                .map(RequestMatcher.class::cast).toList());
    }

    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(builder::matcher)
                .map(RequestMatcher.class::cast).toList());
    }

    /** Asks for Basic credentials with a 401 that carries the realm and a problem body. */
    static class BasicEntryPoint extends org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint {
        private final SignInRefusals refusals;

        BasicEntryPoint(SignInRefusals refusals) {
            this.refusals = refusals;
            setRealmName("ExpoFlow");
            afterPropertiesSet();
        }

        @Override
        public void commence(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                             org.springframework.security.core.AuthenticationException authException) throws java.io.IOException {
            if (authException instanceof SignInThrottled throttled) {
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"" + throttled.getMessage() + "\"}");
                return;
            }
            if (authException instanceof NotKnownHere) {
                // a directory password that is right, of someone ExpoFlow cannot place: 403 saying whom to ask
                refusals.commence(request, response, authException);
                return;
            }
            if (authException instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
                // the user store (the database) could not be asked: not the caller's fault
                DatabaseOutageAnswers.problem(request, response);
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
