package org.expoflow.workflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ReadOncePerRequestTest {

    private final AtomicInteger readings = new AtomicInteger();

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aPageNamingAUnitOnEveryRowReadsTheRegisterOnce() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        for (int row = 0; row < 40; row++) {
            assertThat(ReadOncePerRequest.read("units", this::register)).isEqualTo("register read 1 time(s)");
        }

        assertThat(readings).hasValue(1);
    }

    @Test
    void aChangeInTheRequestIsSeenByItsNextReading() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        ReadOncePerRequest.read("units", this::register);

        ReadOncePerRequest.forget("units");

        assertThat(ReadOncePerRequest.read("units", this::register)).isEqualTo("register read 2 time(s)");
    }

    @Test
    void theNextRequestReadsAfresh() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        ReadOncePerRequest.read("units", this::register);

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThat(ReadOncePerRequest.read("units", this::register)).isEqualTo("register read 2 time(s)");
    }

    @Test
    void outsideARequestEveryReadingReads() {
        ReadOncePerRequest.read("units", this::register);

        assertThat(ReadOncePerRequest.read("units", this::register)).isEqualTo("register read 2 time(s)");
    }

    private String register() {
        return "register read " + readings.incrementAndGet() + " time(s)";
    }
}
