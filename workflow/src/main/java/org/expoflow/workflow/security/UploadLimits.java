package org.expoflow.workflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.expoflow.workflow.application.ReaderLanguage;
import org.expoflow.workflow.http.BufferedRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The limits of an upload on the doors the servlet container does not parse: the engine's REST API and the
 * webapps' engine API are Jersey, which reads a deployment's multipart body itself, whole, however large and
 * in however many parts. Here a multipart body is read up to the same limits as ExpoFlow's own uploads
 * ({@code spring.servlet.multipart.max-request-size}, {@code server.tomcat.max-part-count}) before the engine
 * sees it, and refused with 413 and a problem body naming {@code file} beyond them. It runs after sign-in, so
 * only a caller allowed to upload has a body read at all.
 */
class UploadLimits extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBytes;
    private final int maxParts;
    private final MessageSource messages;

    UploadLimits(long maxBytes, int maxParts, MessageSource messages) {
        this.maxBytes = maxBytes;
        this.maxParts = maxParts;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        List<String> boundaries = boundaries(contentType);
        // two boundaries: this filter and the parser that reads the parts might each take another
        if (body.length > maxBytes || boundaries.size() > 1
                || boundaries.size() == 1 && parts(body, boundaries.get(0)) > maxParts) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = messages.getMessage("refusal.uploadTooLarge", null, "the upload is too large or has too many parts",
                ReaderLanguage.of(request));
        JSON.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", "Content Too Large", "status", 413,
                "field", "file", "detail", detail));
    }

    static List<String> boundaries(String contentType) {
        List<String> boundaries = new ArrayList<>();
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("boundary")) {
                boundaries.add(pair[1].strip().replaceAll("^\"|\"$", ""));
            }
        }
        return boundaries;
    }

    /** The parts of a body: its delimiters but the closing one (a boundary never occurs inside a part). */
    static int parts(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int found = 0;
        outer:
        for (int i = 0; i <= body.length - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (body[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            found++;
            i += delimiter.length - 1;
        }
        return Math.max(0, found - 1);
    }
}
