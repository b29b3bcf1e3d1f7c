package org.expoflow.workflow.application;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language a request's reader reads: Chinese unless the browser or client prefers English first. The
 * pages start from it; on the engine's doors, which Spring MVC does not serve, this filter makes it the
 * language of the request's refusals (a refused model, a refused decision).
 */
public class ReaderLanguage extends OncePerRequestFilter {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** The reader's language by the request's {@code Accept-Language}: Chinese without one. */
    public static Locale of(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return CHINESE;
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            if (wanted.getLanguage().equals("zh")) {
                return CHINESE;
            }
            if (wanted.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return CHINESE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(of(request));
        try {
            chain.doFilter(request, response);
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }
}
