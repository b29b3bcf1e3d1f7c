package org.expoflow.workflow.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.util.UrlPathHelper;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request the caller's role may not make, refused before any controller as an RFC 9457 problem like every
 * other refusal of the API; on the engine's REST API it says what to use instead, since a step changed there
 * (a due date, an assignee, a candidate group) would have no event and the engine and the event log would
 * disagree.
 */
final class RefusalsAsProblems implements AccessDeniedHandler {

    static final String ENGINE_REST_REFUSAL = "the engine's REST API reads, and claims, unclaims and completes steps"
            + " (ADMIN also deploys kinds and retries jobs); nothing else: a change made here would have no event."
            + " Change a step through ExpoFlow's API: POST /api/tasks/{id}/extend, /api/tasks/{id}/reassign,"
            + " /api/tasks/{id}/cooperating-units, /api/directives/{id}/withdraw";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.FORBIDDEN.getReasonPhrase());
        problem.put("status", HttpStatus.FORBIDDEN.value());
        problem.put("detail", EngineRestAllowList.operationOf(path) != null ? ENGINE_REST_REFUSAL
                : "your role may not do this");
        problem.put("instance", path);
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
