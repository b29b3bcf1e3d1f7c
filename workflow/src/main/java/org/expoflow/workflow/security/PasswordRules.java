package org.expoflow.workflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules a password a person chooses must keep (等保 2.0): at least {@value #SHORTEST} characters of at least
 * three classes (lower-case, upper-case, digits, others), never the demo password, none of the user's last
 * {@value #REMEMBERED} passwords; and it expires after {@code expoflow.passwords.expire-after-days} (90 unless set;
 * 0 for never). Each refusal names the rule it breaks, at the field {@code password}. The rules apply to passwords
 * people set; the demo's users and the bootstrap administrator are created with theirs as already chosen.
 */
@Component
public class PasswordRules {

    public static final int SHORTEST = 8;
    public static final int LONGEST = 100;
    public static final int CLASSES = 3;
    public static final int REMEMBERED = 5;
    private static final String DEMO_PASSWORD = "demo";

    private final UserDirectory users;
    private final Clock clock;
    private final Duration expiry;

    public PasswordRules(UserDirectory users, Clock clock, @Value("${expoflow.passwords.expire-after-days:90}") int expireAfterDays) {
        if (expireAfterDays < 0) {
            throw new IllegalStateException("expoflow.passwords.expire-after-days is " + expireAfterDays + ": give 0 (never) or more");
        }
        this.users = users;
        this.clock = clock;
        this.expiry = expireAfterDays == 0 ? null : Duration.ofDays(expireAfterDays);
    }

    /** Refuses a password that breaks a rule, naming the rule; {@code username} null for a user not yet created. */
    public void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw DomainRuleViolation.invalid("password", "give a password").coded("passwordMissing");
        }
        if (password.length() < SHORTEST || password.length() > LONGEST) {
            throw DomainRuleViolation.invalid("password", "a password has " + SHORTEST + " to " + LONGEST + " characters")
                    .coded("passwordLength", SHORTEST, LONGEST);
        }
        if (classes(password) < CLASSES) {
            throw DomainRuleViolation.invalid("password", "a password mixes at least " + CLASSES
                    + " of lower-case letters, upper-case letters, digits and other characters").coded("passwordClasses", CLASSES);
        }
        if (password.toLowerCase(Locale.ROOT).contains(DEMO_PASSWORD)) {
            throw DomainRuleViolation.invalid("password", "a password must not contain the demo password").coded("demoPassword");
        }
        if (username != null && users.usedRecently(username, password, REMEMBERED)) {
            throw DomainRuleViolation.invalid("password", "a password must not be one of the user's last " + REMEMBERED)
                    .coded("passwordReused", REMEMBERED);
        }
    }

    /** Whether the user must choose a new password before going on: first sign-in, after a reset, or expired. */
    public boolean mustChange(ExpoFlowUser user) {
        return user.mustChangePassword() || expired(user.passwordChangedAt());
    }

    public boolean expired(Instant changedAt) {
        return expiry != null && changedAt != null && changedAt.plus(expiry).isBefore(clock.instant());
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i = password.offsetByCodePoints(i, 1)) {
            int c = password.codePointAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
