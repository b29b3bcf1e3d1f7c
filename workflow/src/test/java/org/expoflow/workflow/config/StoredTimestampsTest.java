package org.expoflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class StoredTimestampsTest {

    @Test
    void readsEveryTimeAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(20261206);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            String stored = DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, to)));
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        for (String edge : new String[] {"2024-02-29T23:59:59.999Z", "2026-12-31T00:00:00.000Z", "2000-01-01T12:00:00.001Z"}) {
            assertThat(StoredTimestamps.parse(edge)).as(edge).isEqualTo(Instant.parse(edge));
        }
    }

    @Test
    void timesWrittenOtherwiseAreReadByAxonsParser() {
        assertThat(StoredTimestamps.parse("2026-12-06T07:48:38Z")).isEqualTo(Instant.parse("2026-12-06T07:48:38Z"));
        assertThat(StoredTimestamps.parse("2026-12-06T07:48:38.123456789Z")).isEqualTo(Instant.parse("2026-12-06T07:48:38.123456789Z"));
        assertThat(StoredTimestamps.parse("2026-12-06T15:48:38.564+08:00")).isEqualTo(Instant.parse("2026-12-06T07:48:38.564Z"));
    }

    @Test
    void aTimeThatIsNoTimeIsRefusedAsAxonRefusesIt() {
        for (String wrong : new String[] {"2026-02-30T07:48:38.564Z", "2026-13-06T07:48:38.564Z", "2026-12-06T24:48:38.564Z",
                "2026-12-06T07:48:3x.564Z", "not a time"}) {
            assertThatThrownBy(() -> StoredTimestamps.parse(wrong)).as(wrong).isInstanceOf(DateTimeParseException.class);
        }
    }
}
