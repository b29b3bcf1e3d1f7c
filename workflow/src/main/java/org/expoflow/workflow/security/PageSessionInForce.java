package org.expoflow.workflow.security;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session holds the person as the security administrator has them now, not as they were when they signed in:
 * disabled since, the session ends at the next page and the sign-in page says so; given another role or unit, the
 * next page is theirs under it. The API reads the person at every request already; a page session read them once.
 */
class PageSessionInForce extends OncePerRequestFilter {

    private final UserDirectory users;

    PageSessionInForce(UserDirectory users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof ExpoFlowUser user) || isStatic(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ExpoFlowUser> now = users.find(user.getUsername());
        if (now.isPresent() && !now.get().isEnabled()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        if (now.isPresent() && (now.get().role() != user.role() || !Objects.equals(now.get().unitId(), user.unitId()))) {
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now.get(), null, now.get().getAuthorities()));
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }
}
