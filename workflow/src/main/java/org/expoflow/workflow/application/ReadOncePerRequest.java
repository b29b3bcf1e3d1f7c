package org.expoflow.workflow.application;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The small registers a page names things from (units, people, kinds) read once per request, not once per row that
 * names one: a city's page asked the register for every history line and the kinds for every figure, about a hundred
 * statements (docs/performance.md, "A province's morning"; ADR 0039). Nothing is kept beyond the request, so two nodes never
 * disagree; outside a request (a job, a test) every reading reads afresh. A request that changes a register forgets
 * what it read of it.
 */
public final class ReadOncePerRequest {

    private static final String PREFIX = ReadOncePerRequest.class.getName() + ".";

    private ReadOncePerRequest() {
    }

    /** What {@code reading} answers, read at most once in this request; the answer must not be changed by its user. */
    @SuppressWarnings("unchecked")
    public static <T> T read(String register, Supplier<T> reading) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return reading.get();
        }
        Object known = request.getAttribute(PREFIX + register, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return (T) known;
        }
        T read = reading.get();
        request.setAttribute(PREFIX + register, read, RequestAttributes.SCOPE_REQUEST);
        return read;
    }

    /** After a change to {@code register}: the next reading in this request reads it again. */
    public static void forget(String register) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(PREFIX + register, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
