package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.expoflow.workflow.kinds.ReminderCadence;
import org.junit.jupiter.api.Test;

/** The tier a deadline has reached, for a kind that reminds two weeks and one week ahead, then every two days. */
class ReminderCadenceTest {

    private static final Instant DUE = Instant.parse("2030-02-01T15:59:59Z");
    private final ReminderCadence cadence = ReminderCadence.parse("P7D, P14D", "P2D", "remindBefore", "remindOverdueEvery");

    @Test
    void onlyTheLatestTierReachedReminds() {
        assertThat(Reminders.tierReached(cadence, DUE, DUE.minus(Duration.ofDays(15)))).isNull();
        assertThat(Reminders.tierReached(cadence, DUE, DUE.minus(Duration.ofDays(10))))
                .isEqualTo(new Reminders.Tier("before:PT336H", Notice.REMINDER_BEFORE, 10));
        assertThat(Reminders.tierReached(cadence, DUE, DUE.minus(Duration.ofDays(2).plusHours(3))))
                .as("a step given out late gets the nearer tier, days rounded up")
                .isEqualTo(new Reminders.Tier("before:PT168H", Notice.REMINDER_BEFORE, 3));
        assertThat(Reminders.tierReached(cadence, DUE, DUE.plus(Duration.ofDays(1)))).as("within the first period").isNull();
        assertThat(Reminders.tierReached(cadence, DUE, DUE.plus(Duration.ofDays(5))))
                .isEqualTo(new Reminders.Tier("overdue:2", Notice.REMINDER_OVERDUE, 5));
    }

    @Test
    void aCadenceThatCannotBeReadIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> ReminderCadence.parse("P7D", "PT12H", "remindBefore", "remindOverdueEvery"))
                .hasMessageContaining("remindOverdueEvery").hasMessageContaining("at least a day");
        assertThatThrownBy(() -> ReminderCadence.parse("soon", "P1D", "remindBefore", "remindOverdueEvery"))
                .hasMessageContaining("remindBefore");
        assertThatThrownBy(() -> ReminderCadence.parse("-P1D", "P1D", "remindBefore", "remindOverdueEvery"))
                .hasMessageContaining("positive");
        assertThat(ReminderCadence.parse("", "P1D", "remindBefore", "remindOverdueEvery").before()).as("none ahead").isEmpty();
    }
}
