package org.expoflow.workflow.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A POST or PUT to the API sent with an {@code Idempotency-Key} header has its effect once: the first
 * answer is kept (per user and key) and a retry gets it again, marked {@code Idempotent-Replayed: true}.
 * The same key with a different request is refused (422); a retry while the first is still running
 * gets 409. A 5xx answer is not kept, so the request can be tried again.
 * <p>
 * The kept answer is written after the request's own transaction: if the process dies in between, the
 * key stays "in progress". After {@link #IN_FLIGHT_LIMIT} (far longer than any request runs) such a key
 * is released and the request runs again; in that rare case its effect may happen twice.
 */
public class IdempotentRequests extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_BODY_BYTES = 1 << 20;
    static final java.time.Duration IN_FLIGHT_LIMIT = java.time.Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public IdempotentRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Kept(String fingerprint, Integer status, String contentType, byte[] body) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean writes = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
        return !writes || request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problem(response, HttpStatus.BAD_REQUEST, "an Idempotency-Key is 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        if (signedIn == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String username = signedIn.getName();
        String fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
        jdbc.update("delete from idempotent_request where username = ? and idempotency_key = ? and status is null"
                + " and created_at < ?", username, key, clock.instant().minus(IN_FLIGHT_LIMIT).atOffset(ZoneOffset.UTC));
        try {
            jdbc.update("insert into idempotent_request (username, idempotency_key, request_fingerprint, created_at)"
                    + " values (?, ?, ?, ?)", username, key, fingerprint, clock.instant().atOffset(ZoneOffset.UTC));
        } catch (DuplicateKeyException alreadySeen) {
            replay(username, key, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BufferedRequest(request, body), answer);
        } finally {
            if (answer.getStatus() >= 500) {
                jdbc.update("delete from idempotent_request where username = ? and idempotency_key = ?", username, key);
            } else {
                jdbc.update("update idempotent_request set status = ?, content_type = ?, body = ?"
                                + " where username = ? and idempotency_key = ?",
                        answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray(), username, key);
            }
            answer.copyBodyToResponse();
        }
    }

    private void replay(String username, String key, String fingerprint, HttpServletResponse response) throws IOException {
        List<Kept> kept = jdbc.query("select request_fingerprint, status, content_type, body from idempotent_request"
                        + " where username = ? and idempotency_key = ?",
                (rs, n) -> new Kept(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)),
                username, key);
        if (kept.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, "the first request with this Idempotency-Key failed just now; try again");
        } else if (!kept.get(0).fingerprint().equals(fingerprint)) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "this Idempotency-Key was used for a different request");
        } else if (kept.get(0).status() == null) {
            problem(response, HttpStatus.CONFLICT, "the first request with this Idempotency-Key is still being processed");
        } else {
            response.setStatus(kept.get(0).status());
            response.setHeader(REPLAYED, "true");
            if (kept.get(0).contentType() != null) {
                response.setContentType(kept.get(0).contentType());
            }
            if (kept.get(0).body() != null) {
                response.getOutputStream().write(kept.get(0).body());
            }
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(Map.of("type", "about:blank",
                "title", status.getReasonPhrase(), "status", status.value(), "detail", detail, "field", HEADER)));
    }

    static String fingerprint(String method, String path, String query, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + ' ' + path + '?' + query + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
