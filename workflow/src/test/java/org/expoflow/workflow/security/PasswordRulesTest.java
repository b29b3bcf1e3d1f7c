package org.expoflow.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.expoflow.commands.api.DomainRuleViolation;
import org.junit.jupiter.api.Test;

/** Each rule a chosen password breaks, by name; and when a password has expired. */
class PasswordRulesTest {

    private final Instant now = Instant.parse("2026-05-01T00:00:00Z");
    private final PasswordRules rules = new PasswordRules(null, Clock.fixed(now, ZoneOffset.UTC), 90);

    private String refusal(String password) {
        try {
            rules.check(null, password);
            return null;
        } catch (DomainRuleViolation refused) {
            assertThat(refused.field()).isEqualTo("password");
            return refused.code();
        }
    }

    @Test
    void aPasswordHasEightCharactersOfThreeClasses() {
        assertThat(refusal("Ab1-xyz")).isEqualTo("passwordLength");
        assertThat(refusal("abcdefgh1")).isEqualTo("passwordClasses");
        assertThat(refusal("ABCDEFGH-")).isEqualTo("passwordClasses");
        assertThat(refusal("abcDEFgh")).isEqualTo("passwordClasses");
        assertThat(refusal("abcDEFgh1")).isNull();
        assertThat(refusal("沈阳市abc123")).as("a Chinese character counts as another class").isNull();
        assertThat(refusal("x".repeat(101))).isEqualTo("passwordLength");
        assertThat(refusal("Demo-Password-1")).isEqualTo("demoPassword");
        assertThat(refusal("")).isEqualTo("passwordMissing");
    }

    @Test
    void aPasswordExpiresAfterItsDaysAndZeroMeansNever() {
        ExpoFlowUser fresh = new ExpoFlowUser("a", "x", Role.LEADER, null, true, false, now.minus(Duration.ofDays(89)));
        ExpoFlowUser old = new ExpoFlowUser("a", "x", Role.LEADER, null, true, false, now.minus(Duration.ofDays(91)));
        ExpoFlowUser reset = new ExpoFlowUser("a", "x", Role.LEADER, null, true, true, now);
        assertThat(rules.mustChange(fresh)).isFalse();
        assertThat(rules.mustChange(old)).isTrue();
        assertThat(rules.mustChange(reset)).isTrue();
        assertThat(new PasswordRules(null, Clock.fixed(now, ZoneOffset.UTC), 0).mustChange(old)).isFalse();
        assertThatThrownBy(() -> new PasswordRules(null, Clock.systemUTC(), -1)).hasMessageContaining("expire-after-days");
    }
}
