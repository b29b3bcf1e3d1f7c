package org.expoflow.workflow.security.provider;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * What a person the provider vouched for, but ExpoFlow refused, is told; and what anyone is told while the provider
 * cannot be reached (503 on the API; on the pages, the sign-in page says so before leading there). On the pages: the session the sign-in
 * began is ended (nothing of it stays signed in) and the sign-in page says why and whom to ask. On the API: a 403
 * problem saying the same in the caller's language; a token that is not the provider's, or expired, is 401.
 */
public final class SignInRefusals implements AuthenticationFailureHandler, AuthenticationEntryPoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageSource messages;
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    public SignInRefusals(MessageSource messages) {
        this.messages = messages;
    }

    /** The pages' sign-in through the provider failed or was refused. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        String why = failure instanceof NotKnownHere refused ? "refused=" + refused.reason().name() : "providerFailed";
        response.sendRedirect(request.getContextPath() + "/login?" + why);
    }

    /** A bearer token on the API that signs no one in. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus status;
        if (failure instanceof NotKnownHere refused) {
            status = HttpStatus.FORBIDDEN;
            problem.put("detail", messages.getMessage(refused.reason().messageKey(), null, request.getLocale()));
        } else if (failure instanceof ProviderUnreachable) {
            // not the caller's fault, and nothing of theirs was refused: try again shortly
            status = HttpStatus.SERVICE_UNAVAILABLE;
            response.setHeader("Retry-After", "30");
            problem.put("detail", messages.getMessage("signIn.providerUnreachable", null, request.getLocale()));
        } else {
            status = HttpStatus.UNAUTHORIZED;
            // the WWW-Authenticate header a bearer client expects, with the token's fault
            bearer.commence(request, response, failure);
            problem.put("detail", messages.getMessage("signIn.bearerRefused", null, request.getLocale()));
        }
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
