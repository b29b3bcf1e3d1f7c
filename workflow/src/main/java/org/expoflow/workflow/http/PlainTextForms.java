package org.expoflow.workflow.http;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages' forms hold plain text as the API's bodies do ({@link PlainText}): a form field with a
 * control character or a bidirectional override is refused with 400 naming the field, before any page
 * acts on it. The sign-in form is left alone: a password is a secret, not text anyone reads.
 */
@Component
public class PlainTextForms extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || request.getRequestURI().startsWith(request.getContextPath() + "/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                String character = PlainText.forbiddenCharacter(value);
                if (character != null) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, PlainText.refusal(parameter.getKey(), character));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
