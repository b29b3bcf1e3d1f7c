package org.expoflow.workflow.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.expoflow.workflow.application.ReaderLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The last word on a database outage, ahead of every other filter: whatever door a request came by (a page, the
 * API, the engine's REST API, the sign-in, a filter that reads the database itself), a failure that is the
 * database out of reach ({@link DatabaseOutage}) answers 503 with {@code Retry-After}, never 500. The API and
 * the engine's doors get a problem in the reader's language; a page gets the error page, which then reads
 * nothing from the database and says the system is briefly unavailable and nothing was changed.
 */
public class DatabaseOutageAnswers extends OncePerRequestFilter {

    /** Seconds a client waits before it tries again: a restart of the database, a pool taking new connections. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAnswers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failed) {
            if (!DatabaseOutage.isCause(failed) || response.isCommitted()) {
                throw failed;
            }
            log.warn("the database cannot be reached ({} {}): {}", request.getMethod(), request.getRequestURI(), failed.toString());
            if (isPage(request)) {
                response.resetBuffer();
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            } else {
                problem(request, response);
            }
        }
    }

    /** Anything but the API, the engine's doors and the actuator is a page, whose reader wants the error page. */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/camunda/api/")
                || path.startsWith("/actuator"));
    }

    /**
     * Writes the 503 problem of an outage, in the language of the request's {@code Accept-Language} (Chinese
     * without one): for a filter or an entry point that found the database out of reach before any controller ran.
     */
    public static void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("type", "about:blank",
                "title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(), "status", HttpStatus.SERVICE_UNAVAILABLE.value(),
                "detail", text(request, "refusal.databaseUnavailable"))));
    }

    /** A text of the pages' messages in the reader's language, with no MVC around (a filter, an entry point). */
    static String text(HttpServletRequest request, String code, Object... arguments) {
        MessageSource messages = WebApplicationContextUtils.findWebApplicationContext(request.getServletContext());
        Locale reader = ReaderLanguage.of(request);
        return messages == null ? code : messages.getMessage(code, arguments, code, reader);
    }

    /** Right after the refusal of path parameters, so an outage met anywhere after it is answered here. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<DatabaseOutageAnswers> databaseOutageAnswers() {
            FilterRegistrationBean<DatabaseOutageAnswers> registration = new FilterRegistrationBean<>(new DatabaseOutageAnswers());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
