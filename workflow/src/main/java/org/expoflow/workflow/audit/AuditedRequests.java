package org.expoflow.workflow.audit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Puts the administrators' changes (units, kinds, robots, read models, the system), the exports and the attachments
 * opened in the audit log, one entry per request, whichever door it came through: the REST API, the pages, the
 * engine's API. A request is kept after it was answered, with its answer's status, so a refused one shows as
 * refused; its body is never kept (it may hold a password or a file), its query is (an export's filter). Requests
 * Spring Security refused never get here: their failed sign-ins are in the log already. The people who sign in are
 * the security package's to record ({@code UserAdministration}), with what changed.
 */
public class AuditedRequests extends OncePerRequestFilter {

    private record Audited(String method, PathPattern path, String action) {
    }

    /** The doors to the engine's API, each with the same resources below it. */
    private static final List<String> ENGINE_DOORS = List.of("/engine-rest/", "/engine-rest/engine/*/",
            "/camunda/api/engine/engine/*/");

    private static final List<Audited> AUDITED = Stream.of(
            onEveryEngineDoor("POST", "deployment/**", AuditActions.KIND_DEPLOYED),
            onEveryEngineDoor("POST", "job/*/execute", AuditActions.SYSTEM_CHANGED),
            onEveryEngineDoor("PUT", "job/*/retries", AuditActions.SYSTEM_CHANGED),
            List.of(
            audited("GET", "/api/tasks/*/attachments/*", AuditActions.ATTACHMENT_OPENED),
            audited("GET", "/tasks/*/attachments/*", AuditActions.ATTACHMENT_OPENED),
            audited("GET", "/api/meetings/*/brief", AuditActions.EXPORTED),
            audited("GET", "/meetings/*/brief.*", AuditActions.EXPORTED),
            audited("GET", "/board/*/*.xlsx", AuditActions.EXPORTED),
            // the ranking's notice from the pages, a PDF when no format is asked for, which the format rule above misses
            audited("GET", "/board/*/ranking/notice", AuditActions.EXPORTED),
            audited("PUT", "/api/admin/units/*/webhook", AuditActions.ROBOT_CHANGED),
            audited("POST", "/api/admin/projections/*/rebuild", AuditActions.READ_MODEL_REBUILT),
            audited("POST", "/api/directive-kinds", AuditActions.KIND_DEPLOYED),
            audited("*", "/api/admin/units/**", AuditActions.UNIT_CHANGED),
            audited("*", "/api/admin/units", AuditActions.UNIT_CHANGED),
            // the administrator's pages (/admin/units, /admin/kinds, ...), by what they change
            audited("*", "/admin/units/**", AuditActions.UNIT_CHANGED),
            audited("*", "/admin/units", AuditActions.UNIT_CHANGED),
            audited("*", "/admin/kinds/**", AuditActions.KIND_DEPLOYED),
            audited("*", "/admin/kinds", AuditActions.KIND_DEPLOYED),
            audited("*", "/admin/robots/**", AuditActions.ROBOT_CHANGED),
            audited("*", "/admin/robots", AuditActions.ROBOT_CHANGED),
            audited("*", "/admin/read-models/**", AuditActions.READ_MODEL_REBUILT),
            audited("*", "/api/admin/**", AuditActions.SYSTEM_CHANGED),
            audited("*", "/admin/**", AuditActions.SYSTEM_CHANGED))).flatMap(List::stream).toList();

    private final AuditLog log;

    public AuditedRequests(AuditLog log) {
        this.log = log;
    }

    private static List<Audited> onEveryEngineDoor(String method, String resource, String action) {
        return ENGINE_DOORS.stream().map(door -> audited(method, door + resource, action)).toList();
    }

    private static Audited audited(String method, String path, String action) {
        return new Audited(method, PathPatternParser.defaultInstance.parse(path), action);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String action = actionOf(request);
        if (action == null) {
            chain.doFilter(request, response);
            return;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        try {
            chain.doFilter(request, response);
        } finally {
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("request", request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            what.put("status", response.getStatus());
            log.add(new org.springframework.boot.actuate.audit.AuditEvent(who == null ? AuditActions.SYSTEM : who.getName(),
                    action, what));
        }
    }

    /** The action a request is kept as, or null for one the log does not keep. */
    static String actionOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (path.startsWith("/api/admin/users") || path.startsWith("/admin/users")) {
            return null;
        }
        String format = request.getParameter("format");
        if ("GET".equals(method) && format != null && !format.isBlank() && !"html".equals(format) && !"json".equals(format)
                && !path.startsWith("/api/audit") && !path.startsWith("/audit")) {
            return AuditActions.EXPORTED;
        }
        PathContainer container = PathContainer.parsePath(path);
        for (Audited audited : AUDITED) {
            boolean methodMatches = audited.method().equals(method) || audited.method().equals("*") && !"GET".equals(method)
                    && !"HEAD".equals(method) && !"OPTIONS".equals(method);
            if (methodMatches && audited.path().matches(container)) {
                return audited.action();
            }
        }
        return null;
    }
}
