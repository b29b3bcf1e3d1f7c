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

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A POST or PUT to the API sent with an {@code Idempotency-Key} header has its effect once: the first answer is
 * kept (per user and key) and a retry gets it again, marked {@code Idempotent-Replayed: true}. The same key with a
 * different request is refused (422).
 * <p>
 * The key's record is written in the transaction of the request's effect: the request runs inside one transaction
 * that first reserves the key, then does the work (the engine, the commands and the read models join it), then
 * keeps the answer, and commits all of it or none. So a retry after any fault finds either the first answer,
 * committed with the effect, and gets it replayed, or no trace of the first request, and runs at once. A retry
 * while the first still runs waits on the reserved key until the first ends, then is answered one of those two
 * ways; only a database that will not wait that long (H2's lock timeout) answers 409 with {@code Retry-After}.
 * <p>
 * An answer of 5xx is not kept (the effect rolls back with it), so the request can be tried again. A refusal
 * (4xx) whose work asked for a rollback is kept afterwards in a transaction of its own: nothing of its work stays,
 * so if that is lost the retry is merely refused again. A commit that fails answers 503, not the work's answer.
 */
public class IdempotentRequests extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_BODY_BYTES = 1 << 20;
    /** A key found kept-then-gone (its first request rolled back under our feet) is asked for again, this often. */
    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public IdempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    private record Kept(String fingerprint, Integer status, String contentType, byte[] body) {
    }

    /** How the request's own transaction ended. */
    private enum Outcome {
        /** the work ran and its answer was kept with its effect */
        ANSWERED,
        /** the work refused (4xx) and rolled back: its answer is kept on its own */
        REFUSED,
        /** the work failed (5xx): rolled back, nothing kept */
        FAILED,
        /** another request holds or has held this key */
        SEEN,
        /** another request holds this key longer than the database waits */
        BUSY
    }

    /** A servlet failure carried out of the transaction's callback, which throws unchecked only. */
    private static final class ServletFailure extends RuntimeException {
        ServletFailure(Exception cause) {
            super(cause);
        }
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
            problem(request, response, HttpStatus.BAD_REQUEST, "idempotencyKeyLength", MAX_KEY_LENGTH);
            return;
        }
        if (signedIn == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "idempotentBodyTooLarge", MAX_BODY_BYTES);
            return;
        }
        String username = signedIn.getName();
        String fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
                Outcome outcome = transactions.execute(status -> run(status, username, key, fingerprint,
                        new BufferedRequest(request, body), answer, chain));
                switch (outcome) {
                    case ANSWERED, FAILED -> {
                        answer.copyBodyToResponse();
                        return;
                    }
                    case REFUSED -> {
                        keepRefusal(username, key, fingerprint, answer);
                        answer.copyBodyToResponse();
                        return;
                    }
                    case BUSY -> {
                        stillRunning(request, response);
                        return;
                    }
                    case SEEN -> {
                        if (replay(request, username, key, fingerprint, response)) {
                            return;
                        }
                    }
                }
            }
            stillRunning(request, response);
        } catch (ServletFailure failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failed.getCause();
        } catch (RuntimeException failed) {
            if (!DatabaseOutage.isCause(failed) || response.isCommitted()) {
                throw failed;
            }
            // the database went before the commit was acknowledged: the retry finds the effect with its answer, or neither
            DatabaseOutageAnswers.problem(request, response);
        }
    }

    private Outcome run(TransactionStatus status, String username, String key, String fingerprint, HttpServletRequest request,
                        ContentCachingResponseWrapper answer, FilterChain chain) {
        try {
            jdbc.update("insert into idempotent_request (username, idempotency_key, request_fingerprint, created_at)"
                    + " values (?, ?, ?, ?)", username, key, fingerprint, clock.instant().atOffset(ZoneOffset.UTC));
        } catch (DuplicateKeyException alreadySeen) {
            status.setRollbackOnly();
            return Outcome.SEEN;
        } catch (PessimisticLockingFailureException | QueryTimeoutException heldElsewhere) {
            status.setRollbackOnly();
            return Outcome.BUSY;
        }
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException failed) {
            throw new ServletFailure(failed);
        }
        if (answer.getStatus() >= 500) {
            status.setRollbackOnly();
            return Outcome.FAILED;
        }
        if (status.isRollbackOnly()) {
            // marked by a participant (the work's refusal): roll back quietly here, not as a surprise at commit
            status.setRollbackOnly();
            return Outcome.REFUSED;
        }
        jdbc.update("update idempotent_request set status = ?, content_type = ?, body = ? where username = ? and idempotency_key = ?",
                answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray(), username, key);
        return Outcome.ANSWERED;
    }

    /** A refusal whose work rolled back: kept so that a retry is told the same, and harmless if it is not. */
    private void keepRefusal(String username, String key, String fingerprint, ContentCachingResponseWrapper answer) {
        try {
            jdbc.update("insert into idempotent_request (username, idempotency_key, request_fingerprint, created_at, status,"
                            + " content_type, body) values (?, ?, ?, ?, ?, ?, ?)", username, key, fingerprint,
                    clock.instant().atOffset(ZoneOffset.UTC), answer.getStatus(), answer.getContentType(),
                    answer.getContentAsByteArray());
        } catch (DataAccessException notKept) {
            // a concurrent retry kept its own answer, or the database went: the retry is refused again either way
            logger.debug("a refusal's answer was not kept: " + notKept.getMessage());
        }
    }

    /** Answers with the kept answer of the key; false when there is none to give (the first was rolled back meanwhile). */
    private boolean replay(HttpServletRequest request, String username, String key, String fingerprint,
                           HttpServletResponse response) throws IOException {
        List<Kept> kept = jdbc.query("select request_fingerprint, status, content_type, body from idempotent_request"
                        + " where username = ? and idempotency_key = ?",
                (rs, n) -> new Kept(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)),
                username, key);
        if (kept.isEmpty()) {
            return false;
        }
        if (!kept.get(0).fingerprint().equals(fingerprint)) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotencyKeyOfAnotherRequest");
        } else if (kept.get(0).status() == null) {
            // reserved and never answered: left by a version that kept the answer after the effect's commit
            jdbc.update("delete from idempotent_request where username = ? and idempotency_key = ? and status is null", username, key);
            return false;
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
        return true;
    }

    private void stillRunning(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(request, response, HttpStatus.CONFLICT, "idempotencyKeyInProgress");
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                         Object... arguments) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(Map.of("type", "about:blank",
                "title", status.getReasonPhrase(), "status", status.value(),
                "detail", DatabaseOutageAnswers.text(request, "refusal." + code, arguments), "field", HEADER)));
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
