package org.expoflow.workflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets Prometheus scrape {@code /actuator/prometheus} with {@code Authorization: Bearer <token>} when
 * {@code expoflow.metrics.scrape-token} is set, without a user account. The token grants nothing else.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String METRICS_ROLE = "METRICS";
    private static final String PROMETHEUS = "/actuator/prometheus";

    private final byte[] token;

    ScrapeTokenFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token == null || !PROMETHEUS.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(token, authorization.substring(7).getBytes(StandardCharsets.UTF_8))) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "prometheus", null, List.of(new SimpleGrantedAuthority("ROLE_" + METRICS_ROLE))));
        }
        chain.doFilter(request, response);
    }
}
