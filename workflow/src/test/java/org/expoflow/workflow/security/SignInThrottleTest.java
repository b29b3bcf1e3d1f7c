package org.expoflow.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How the throttle slows guessing down, on a clock the test moves. */
class SignInThrottleTest {

    private final MovingClock clock = new MovingClock();
    private final SignInThrottle throttle = new SignInThrottle(5, 20, clock);

    @Test
    void anOfficeAddressGetsManyFreeFailuresAcrossItsClerksThenWaits() {
        for (int clerk = 0; clerk < 20; clerk++) {
            throttle.failed("clerk-" + clerk, "10.1.2.3");
        }
        assertThat(throttle.lockedFor("clerk-99", "10.1.2.3")).isEmpty();
        throttle.failed("clerk-20", "10.1.2.3");
        assertThat(throttle.lockedFor("clerk-99", "10.1.2.3")).contains(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("clerk-99", "10.9.9.9")).as("another office").isEmpty();
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheWaitUpToAQuarterOfAnHour() {
        assertThat(SignInThrottle.lock(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.lock(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInThrottle.lock(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(SignInThrottle.lock(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessOrAQuietQuarterOfAnHourClearsTheCount() {
        for (int attempt = 0; attempt < 6; attempt++) {
            throttle.failed("anshan", "10.1.2.3");
        }
        assertThat(throttle.lockedFor("ANSHAN", null)).as("names are not case-sensitive").isPresent();
        clock.advance(Duration.ofSeconds(2));
        throttle.succeeded("anshan");
        throttle.failed("anshan", "10.1.2.3");
        assertThat(throttle.lockedFor("anshan", null)).isEmpty();

        for (int attempt = 0; attempt < 5; attempt++) {
            throttle.failed("benxi", null);
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("benxi", null);
        assertThat(throttle.lockedFor("benxi", null)).isEmpty();
    }
}
