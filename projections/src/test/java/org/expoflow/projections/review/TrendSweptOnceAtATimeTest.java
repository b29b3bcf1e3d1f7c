package org.expoflow.projections.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.expoflow.projections.api.Trend;
import org.expoflow.projections.tasks.UnitStepReadings;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Two leaders open the board of a node that has just started: one sweeps the expo's versions from the start, the
 * other waits for it and goes on from the days it kept, instead of holding every version in memory a second time.
 */
class TrendSweptOnceAtATimeTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2030-01-10T04:00:00Z");
    private static final Instant PLANNED = NOW.minus(Duration.ofDays(4));

    @Test
    void aSecondLeaderWaitsForTheFirstSweepAndGoesOnFromItsDays() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:trend-once-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        CountDownLatch sweepMayEnd = new CountDownLatch(1);
        CountDownLatch sweepStarted = new CountDownLatch(1);
        AtomicInteger sweepsFromTheStart = new AtomicInteger();
        UnitStepReadings readings = new UnitStepReadings(new NamedParameterJdbcTemplate(database), Clock.systemUTC()) {
            @Override
            public List<StepSpan> unitStepSpansOfExpo(String expoId, Instant asOf) {
                sweepsFromTheStart.incrementAndGet();
                sweepStarted.countDown();
                try {
                    sweepMayEnd.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return super.unitStepSpansOfExpo(expoId, asOf);
            }
        };
        TrendDays node = new TrendDays(readings, new JdbcTemplate(database));

        CompletableFuture<List<Trend.Day>> first = CompletableFuture.supplyAsync(() -> node.days("osaka", PLANNED, NOW, PROVINCE, NOW));
        assertThat(sweepStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Trend.Day>> second = CompletableFuture.supplyAsync(() -> node.days("osaka", PLANNED, NOW, PROVINCE, NOW));
        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).as("the second waits for the first sweep")
                .isInstanceOf(TimeoutException.class);

        sweepMayEnd.countDown();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(first.get(5, TimeUnit.SECONDS)).hasSize(5);
        assertThat(sweepsFromTheStart).as("the second went on from the days the first kept").hasValue(1);
    }
}
