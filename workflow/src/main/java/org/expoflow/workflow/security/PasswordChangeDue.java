package org.expoflow.workflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.expoflow.workflow.application.ReaderLanguage;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in user whose password change is due (first sign-in, after a reset, expired) at the change: a page
 * leads to {@code /password}, the API answers 403 naming the field {@code password}, until they have changed it
 * ({@code PUT /api/me/password} stays open). Costs nothing for the others: the user as signed in says whether a
 * change is due, and only then is the directory asked whether it has been made meanwhile.
 */
class PasswordChangeDue extends OncePerRequestFilter {

    private final PasswordRules rules;
    private final UserDirectory users;
    private final MessageSource messages;
    private final boolean api;

    PasswordChangeDue(PasswordRules rules, UserDirectory users, MessageSource messages, boolean api) {
        this.rules = rules;
        this.users = users;
        this.messages = messages;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof ExpoFlowUser user && rules.mustChange(user))) {
            chain.doFilter(request, response);
            return;
        }
        ExpoFlowUser now = users.find(user.getUsername()).orElse(user);
        if (!rules.mustChange(now)) {
            // changed meanwhile: the session's user is brought up to date, so the directory is not asked again
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (openWhileDue(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        if (api) {
            response.setStatus(403);
            response.setContentType("application/problem+json;charset=UTF-8");
            String detail = messages.getMessage("refusal.passwordChangeDue", null, ReaderLanguage.of(request));
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"field\":\"password\","
                    + "\"code\":\"passwordChangeDue\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/password");
    }

    private boolean openWhileDue(String method, String path) {
        if (api) {
            return "PUT".equals(method) && path.equals("/api/me/password");
        }
        return path.equals("/password") || path.equals("/logout") || path.equals("/login") || path.equals("/error")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }
}
