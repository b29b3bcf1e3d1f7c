package org.expoflow.workflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.expoflow.workflow.application.ReaderLanguage;
import org.expoflow.workflow.engine.StepFormVariables;
import org.expoflow.workflow.http.BufferedRequest;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A decision sent through the engine's API, on either door ({@code /engine-rest}, the webapps' engine API),
 * carries only the variables its step's form declares: anything else is refused with 400 naming it, before
 * the engine sees the request, so nothing is written. A step's unit, deadline and assignee change through
 * ExpoFlow's reassign, extend and claim rules only.
 */
public class StepFormOnlyDecisions extends OncePerRequestFilter {

    /** Well above the largest form a kind can declare (its texts are capped at a few thousand characters). */
    static final int MAX_DECISION_BYTES = 1024 * 1024;
    private static final Pattern DECISION = Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve)");

    private final StepFormVariables forms;
    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();

    public StepFormOnlyDecisions(StepFormVariables forms, MessageSource messages) {
        this.forms = forms;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String operation = EngineRestAllowList.operationOf(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
        Matcher decision = operation == null ? null : DECISION.matcher(operation);
        if (!"POST".equals(request.getMethod()) || decision == null || !decision.matches()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_DECISION_BYTES + 1);
        if (body.length > MAX_DECISION_BYTES) {
            refuse(response, 413, "body", messages.getMessage("refusal.decisionTooLarge", null, ReaderLanguage.of(request)));
            return;
        }
        List<String> sent;
        try {
            sent = variableNames(body);
        } catch (IOException | IllegalArgumentException unreadable) {
            // what this filter cannot read, it does not let through for the engine to read otherwise
            refuse(response, 400, "body", messages.getMessage("refusal.bodyNotJson", null, ReaderLanguage.of(request)));
            return;
        }
        List<String> undeclared = forms.undeclared(decision.group(1), sent);
        if (!undeclared.isEmpty()) {
            String declared = String.join(", ", forms.declaredFields(decision.group(1)));
            refuse(response, 400, "variables." + undeclared.get(0), messages.getMessage("refusal.decisionOutsideForm",
                    new Object[] {String.join(", ", undeclared), declared.isEmpty() ? "—" : declared}, ReaderLanguage.of(request)));
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    /** The variables' names a decision's body sends; none for an empty body. */
    private List<String> variableNames(byte[] body) throws IOException {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return List.of();
        }
        JsonNode decision = json.readTree(body);
        if (decision == null || !decision.isObject()) {
            throw new IllegalArgumentException("a decision is a JSON object");
        }
        JsonNode variables = decision.path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            throw new IllegalArgumentException("variables is a JSON object");
        }
        List<String> names = new ArrayList<>();
        variables.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void refuse(HttpServletResponse response, int status, String field, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status == 413 ? "Content Too Large" : "Bad Request");
        problem.put("status", status);
        problem.put("field", field);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getWriter(), problem);
    }
}
