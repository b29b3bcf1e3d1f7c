package org.expoflow.workflow.security;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * ExpoFlow has no use for path parameters ({@code /engine-rest;x=y/task}) nor for empty path segments
 * ({@code //engine-rest/x}), and each layer reads them differently (Spring's path parsing fails on the one,
 * the engine's Jersey servlet on the other, both before the firewall can refuse them), so they are refused
 * first of all: 400, with a problem body naming the path. Sessions are tracked by cookie only, so no
 * {@code ;jsessionid} is ever written into a link.
 */
class PathParameterRefusal extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.indexOf(';') >= 0 || uri.toLowerCase(java.util.Locale.ROOT).contains("%3b")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"field\":\"path\","
                    + "\"detail\":\"a path takes no ';' parameters\"}");
            return;
        }
        if (uri.contains("//")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"field\":\"path\","
                    + "\"detail\":\"a path has no empty segments ('//')\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
