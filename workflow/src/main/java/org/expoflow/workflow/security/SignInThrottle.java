package org.expoflow.workflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down, per user name and per client address. A name gets a few failed
 * sign-ins free, an address (an office behind one gateway) many more; past that, every failure locks
 * the name or the address for twice as long as the one before, from one second up to a quarter of an
 * hour. While locked, every attempt, the right password included, is answered 429 with the seconds to
 * wait, and costs no password check. A success clears the name's count; a quiet quarter of an hour
 * clears any count. Names that do not exist are counted exactly like those that do, so a lockout tells
 * nothing about which accounts exist.
 * <p>
 * The counts live in this node's memory: on several nodes, each slows guessing down on its own.
 */
public class SignInThrottle {

    static final Duration FIRST_LOCK = Duration.ofSeconds(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final int freeFailuresPerUser;
    private final int freeFailuresPerAddress;
    private final Clock clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(int freeFailuresPerUser, int freeFailuresPerAddress, Clock clock) {
        this.freeFailuresPerUser = freeFailuresPerUser;
        this.freeFailuresPerAddress = freeFailuresPerAddress;
        this.clock = clock;
    }

    /** How long this attempt must wait, if the name or the address is locked now. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(users, key(username), now), lockedUntil(addresses, address, now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** Counts a failure; answers how long the name or the address is now locked for, if this failure locked it. */
    public Optional<Duration> failed(String username, String address) {
        Instant now = clock.instant();
        Instant byName = count(users, key(username), freeFailuresPerUser, now);
        Instant byAddress = count(addresses, address, freeFailuresPerAddress, now);
        Instant until = later(byName, byAddress);
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    public void succeeded(String username) {
        users.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static Instant lockedUntil(Map<String, Failures> failures, String key, Instant now) {
        Failures known = key == null ? null : failures.get(key);
        return known != null && known.lockedUntil() != null && known.lockedUntil().isAfter(now) ? known.lockedUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private Instant count(Map<String, Failures> failures, String key, int free, Instant now) {
        if (key == null) {
            return null;
        }
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(known -> known.last().plus(FORGET_AFTER).isBefore(now)
                    && (known.lockedUntil() == null || known.lockedUntil().isBefore(now)));
        }
        return failures.compute(key, (k, known) -> {
            int count = known == null || known.last().plus(FORGET_AFTER).isBefore(now) ? 1 : known.count() + 1;
            Instant lockedUntil = count <= free ? null : now.plus(lock(count - free));
            return new Failures(count, now, lockedUntil);
        }).lockedUntil();
    }

    /** One second for the first failure past the free ones, doubling with each further one. */
    static Duration lock(int beyondFree) {
        int doublings = Math.min(beyondFree - 1, 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }
}
