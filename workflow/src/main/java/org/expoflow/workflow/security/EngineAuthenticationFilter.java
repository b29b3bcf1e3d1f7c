package org.expoflow.workflow.security;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.EngineIdentity;
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

    private final EngineIdentity engineIdentity;

    public EngineAuthenticationFilter(EngineIdentity engineIdentity) {
        this.engineIdentity = engineIdentity;
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
        EngineIdentity.Acting acting = null;
        if (authentication != null && authentication.getPrincipal() instanceof ExpoFlowUser user) {
            acting = engineIdentity.actAs(user.getUsername(), List.of(user.engineGroup()));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (acting != null) {
                acting.close();
            }
            MDC.remove(ActingContext.CORRELATION_ID);
        }
    }
}
