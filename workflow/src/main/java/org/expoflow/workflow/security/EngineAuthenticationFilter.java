package org.expoflow.workflow.security;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.expoflow.workflow.engine.ActingContext;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes the signed-in user the engine's current authentication for the whole request, and gives the
 * request a correlation id (the caller's {@code X-Correlation-Id}, or a new one, echoed back). The task
 * listener reads both, whichever API the request came through.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final IdentityService identityService;

    public EngineAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId == null || correlationId.isBlank() || correlationId.length() > 100) {
            correlationId = UUID.randomUUID().toString();
        }
        response.setHeader(CORRELATION_HEADER, correlationId);
        MDC.put(ActingContext.CORRELATION_ID, correlationId);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean engineAuthenticated = false;
        if (authentication != null && authentication.getPrincipal() instanceof ExpoFlowUser user) {
            identityService.setAuthentication(user.getUsername(), List.of(user.engineGroup()));
            engineAuthenticated = true;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (engineAuthenticated) {
                identityService.clearAuthentication();
            }
            MDC.remove(ActingContext.CORRELATION_ID);
        }
    }
}
