package org.expoflow.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How often a clerk's HTTP Basic password goes through bcrypt, on a clock the test moves. */
class RememberedCredentialsTest {

    private static final String CLERK = "shenyang-clerk";
    private static final String PASSWORD = "right-horse-battery";

    private final MovingClock clock = new MovingClock();
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final RememberedCredentials credentials = credentials();

    @Test
    void aClerkAtWorkAllDayIsCheckedWithBcryptOnceAndAgainAfterAWorkingDay() {
        signIn(PASSWORD);
        for (int request = 0; request < 7 * 15; request++) {
            clock.advance(Duration.ofMinutes(4));
            signIn(PASSWORD);
        }
        assertThat(bcryptChecks).as("seven hours, a request every four minutes").hasValue(1);

        clock.advance(Duration.ofMinutes(4 * 15));
        signIn(PASSWORD);
        assertThat(bcryptChecks).as("past eight hours since the check").hasValue(2);
    }

    @Test
    void credentialsUnusedForFiveMinutesAreCheckedAgain() {
        signIn(PASSWORD);
        clock.advance(Duration.ofMinutes(4));
        signIn(PASSWORD);
        assertThat(bcryptChecks).hasValue(1);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        signIn(PASSWORD);
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void anotherPasswordForARememberedClerkIsCheckedAndRefused() {
        signIn(PASSWORD);
        assertThatThrownBy(() -> signIn("wrong-horse")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(2);
        signIn(PASSWORD);
        assertThat(bcryptChecks).as("the right one is still remembered").hasValue(2);
    }

    private void signIn(String password) {
        var signedIn = credentials.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(CLERK, password));
        assertThat(signedIn.getName()).isEqualTo(CLERK);
    }

    private RememberedCredentials credentials() {
        PasswordEncoder bcrypt = new BCryptPasswordEncoder(4) {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                bcryptChecks.incrementAndGet();
                return super.matches(rawPassword, encodedPassword);
            }
        };
        ExpoFlowUser clerk = new ExpoFlowUser(CLERK, bcrypt.encode(PASSWORD), Role.CITY, "shenyang");
        UserDirectory users = new UserDirectory(null, bcrypt, clock) {
            @Override
            public Optional<ExpoFlowUser> find(String username) {
                return CLERK.equals(username) ? Optional.of(clerk) : Optional.empty();
            }
        };
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
        checked.setPasswordEncoder(bcrypt);
        return new RememberedCredentials(checked, users, new SignInThrottle(5, 50, clock), clock, event -> { });
    }
}
