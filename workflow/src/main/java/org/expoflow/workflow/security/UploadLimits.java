package org.expoflow.workflow.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
        String boundary = boundary(contentType);
        if (body.length > maxBytes || boundary != null && parts(body, boundary) > maxParts) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = messages.getMessage("refusal.uploadTooLarge", null, "the upload is too large or has too many parts",
                request.getLocale());
        JSON.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", "Content Too Large", "status", 413,
                "field", "file", "detail", detail));
    }

    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("boundary")) {
                return pair[1].strip().replaceAll("^\"|\"$", "");
            }
        }
        return null;
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

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
