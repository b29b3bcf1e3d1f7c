package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Quiet hours in the province's time hold a message until they end; the digest gathers what came before its hour. */
class DeliveryHoursTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void aMessageDueInTheQuietHoursWaitsForTheirEnd() {
        DeliveryHours overnight = new DeliveryHours(BEIJING, "22:00-07:00", "");

        assertThat(overnight.firstAllowed(at("2030-01-10T23:15"))).isEqualTo(at("2030-01-11T07:00"));
        assertThat(overnight.firstAllowed(at("2030-01-11T06:59"))).isEqualTo(at("2030-01-11T07:00"));
        assertThat(overnight.firstAllowed(at("2030-01-11T07:00"))).isEqualTo(at("2030-01-11T07:00"));
        assertThat(overnight.firstAllowed(at("2030-01-11T12:00"))).isEqualTo(at("2030-01-11T12:00"));
        assertThat(new DeliveryHours(BEIJING, "12:00-13:30", "").firstAllowed(at("2030-01-11T12:10")))
                .isEqualTo(at("2030-01-11T13:30"));
        assertThat(new DeliveryHours(BEIJING, "", "").firstAllowed(at("2030-01-11T03:00"))).isEqualTo(at("2030-01-11T03:00"));
    }

    @Test
    void theDigestOfADayGathersWhatCameBeforeItsHour() {
        DeliveryHours digest = new DeliveryHours(BEIJING, "", "08:30");

        assertThat(digest.digests()).isTrue();
        assertThat(digest.latestDigestAt(at("2030-01-11T09:00"))).isEqualTo(at("2030-01-11T08:30"));
        assertThat(digest.latestDigestAt(at("2030-01-11T08:00"))).isEqualTo(at("2030-01-10T08:30"));
        assertThat(new DeliveryHours(BEIJING, "", "").digests()).isFalse();
    }

    @Test
    void hoursThatCannotBeReadAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new DeliveryHours(BEIJING, "late", "")).hasMessageContaining("quiet-hours");
        assertThatThrownBy(() -> new DeliveryHours(BEIJING, "22:00-7", "")).hasMessageContaining("quiet-hours");
        assertThatThrownBy(() -> new DeliveryHours(BEIJING, "", "8.30")).hasMessageContaining("digest-at");
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }
}
