package org.expoflow.workflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash costs about a tenth of
 * a second of CPU on purpose. This provider checks a user's password with bcrypt once, then recognises
 * the same credentials by a keyed digest held only in memory (never the password) while they are in use:
 * until five minutes pass without a request, and for a working day at most, as a session would. A
 * changed password hash, or a different password, goes through bcrypt again; a disabled account is
 * refused at once, like a wrong password. Failures are counted, and guessing slowed down, by
 * {@link SignInThrottle}.
 * <p>
 * For the security audit log, a recognised repeat answers a {@link RememberedSignIn}, which the log does not count as
 * a new sign-in, and a failure that locks a name or an address out is published as a lockout.
 * <p>
 * Remembered for five minutes from the check alone, a busy client's credentials went through bcrypt
 * again every five minutes, a visible share of a busy client's CPU in bcrypt (docs/performance.md).
 */
class RememberedCredentials implements AuthenticationProvider {

    private static final Duration REMEMBERED_WHILE_IDLE = Duration.ofMinutes(5);
    private static final Duration REMEMBERED_AT_MOST = Duration.ofHours(8);
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(byte[] credentialDigest, String passwordHash, Instant checkedAt, Instant lastUsedAt) {

        boolean inUseAt(Instant now) {
            return now.isBefore(lastUsedAt.plus(REMEMBERED_WHILE_IDLE)) && now.isBefore(checkedAt.plus(REMEMBERED_AT_MOST));
        }

        Remembered usedAt(Instant now) {
            return new Remembered(credentialDigest, passwordHash, checkedAt, now);
        }
    }

    /** ExpoFlow's own bcrypt check, then the directory's when one is set (EXPOFLOW_LDAP_URL) */
    private final AuthenticationProvider passwords;
    private final UserDirectory users;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final ThreadLocal<Mac> keyedDigests;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    RememberedCredentials(AuthenticationProvider passwords, UserDirectory users, SignInThrottle throttle, Clock clock,
                          ApplicationEventPublisher events) {
        this.events = events;
        this.passwords = passwords;
        this.throttle = throttle;
        this.users = users;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        // looking a Mac up and keying it is a provider search per request; one per request thread is kept
        this.keyedDigests = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.lockedFor(authentication.getName(), address).ifPresent(wait -> {
            throw new SignInThrottled(wait);
        });
        try {
            Authentication verified = check(authentication);
            throttle.succeeded(authentication.getName());
            return verified;
        } catch (BadCredentialsException wrong) {
            throttle.failed(authentication.getName(), address).ifPresent(lock -> events.publishEvent(new AuditApplicationEvent(
                    authentication.getName(), AuditedActions.LOCKED_OUT, Map.of("seconds", lock.toSeconds(),
                    "address", String.valueOf(address)))));
            throw wrong;
        } catch (DataAccessException unreachable) {
            throw new InternalAuthenticationServiceException("the user directory cannot be read", unreachable);
        }
    }

    private Authentication check(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        byte[] digest = digest(username, password);
        Remembered known = remembered.get(username);
        Instant now = clock.instant();
        // a sign-in on the form is a person's sign-in, checked each time; the API's repeats are recognised
        boolean form = authentication.getDetails() instanceof SignInFormDetails;
        if (!form && known != null && known.inUseAt(now) && MessageDigest.isEqual(known.credentialDigest(), digest)) {
            ExpoFlowUser user = users.find(username).orElse(null);
            if (user != null && user.isEnabled() && user.getPassword().equals(known.passwordHash())) {
                remembered.put(username, known.usedAt(now));
                return new RememberedSignIn(user);
            }
        }
        Authentication verified = passwords.authenticate(authentication);
        if (verified != null && verified.getPrincipal() instanceof UserDetails user && !user.isEnabled()) {
            // the same answer as a wrong password: a disabled account is not confirmed to exist
            remembered.remove(username);
            throw new BadCredentialsException("Bad credentials");
        }
        if (verified != null && verified.getPrincipal() instanceof UserDetails user) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            String hash = users.find(username).map(ExpoFlowUser::getPassword).orElse(null);
            remembered.put(username, new Remembered(digest, hash, now, now));
        }
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        return keyedDigests.get().doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
    }
}
