package org.expoflow.workflow.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address a request came from, for an audit entry written while Spring Security signs the person in (a user the
 * province's provider placed, a role its groups changed): its filters run before the request's context is set up
 * (that filter's order is after theirs), so {@code AuditLog} finds the address here.
 */
class RequestAddresses extends OncePerRequestFilter {

    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    /** The address of the request this thread is serving, or null outside one. */
    static String current() {
        return ADDRESS.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String outer = ADDRESS.get();
        ADDRESS.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                ADDRESS.remove();
            } else {
                ADDRESS.set(outer);
            }
        }
    }
}
