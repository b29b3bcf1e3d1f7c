package org.expoflow.workflow.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The requests this node is serving, counted, so that background work can wait for a moment when nobody waits for
 * an answer (a rebuild between its batches: config.RebuildGivesWayToRequests).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestsInFlight extends OncePerRequestFilter {

    private final AtomicInteger serving = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        serving.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            // a request pays for the lock only while something waits for the node to be idle
            if (serving.decrementAndGet() == 0 && waiting.get() > 0) {
                lock.lock();
                try {
                    idle.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Returns once no request is being served, or after {@code longest}: whether none was. */
    public boolean awaitNoneServed(Duration longest) throws InterruptedException {
        long left = longest.toNanos();
        waiting.incrementAndGet();
        lock.lock();
        try {
            while (serving.get() > 0) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
            waiting.decrementAndGet();
        }
    }

    /** The requests being served at this moment. */
    public int served() {
        return serving.get();
    }
}
