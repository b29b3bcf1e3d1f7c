package org.expoflow.projections.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.expo.UnitEnrolled;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.projections.api.FindTrend;
import org.expoflow.projections.api.Trend;
import org.expoflow.projections.catalogue.BoardQueries;
import org.expoflow.projections.catalogue.CatalogueProjection;
import org.expoflow.projections.figures.FiguresProjection;
import org.expoflow.projections.tasks.BriefHistoryReadings;
import org.expoflow.projections.tasks.ExpoTaskReadings;
import org.expoflow.projections.tasks.TaskListProjection;
import org.expoflow.projections.tasks.UnitStepReadings;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A node that has answered the trend before goes on from the days it kept, sweeping only what changed since;
 * over a working week (figures reported twice, one at the very instant its step is completed, a step done, the
 * next one given out), asked day after day and several times a day, its answer equals the one a node that kept
 * nothing sweeps from the start: each day, as of an earlier instant, and after a transaction committed events stamped
 * just before a day's end once that day had already been asked for.
 */
class TrendKeptDayByDayTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");
    // the expo is planned at 10:00 in the province
    private static final Instant PLANNED = Instant.parse("2030-01-06T02:00:00Z");

    private final MovableClock clock = new MovableClock(PLANNED);
    private JdbcTemplate jdbc;
    private NamedParameterJdbcTemplate named;
    private AnnotationEventHandlerAdapter catalogue;
    private AnnotationEventHandlerAdapter tasks;
    private AnnotationEventHandlerAdapter figures;

    @Test
    void aNodeGoingOnFromTheDaysItKeptAnswersAsOneSweepingFromTheStart() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:trend-kept-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(database);
        named = new NamedParameterJdbcTemplate(database);
        catalogue = new AnnotationEventHandlerAdapter(new CatalogueProjection(jdbc));
        tasks = new AnnotationEventHandlerAdapter(new TaskListProjection(named, clock));
        FiguresProjection figureVersions = new FiguresProjection(jdbc, clock);
        figures = new AnnotationEventHandlerAdapter(figureVersions);
        ReviewQueries node = review(figureVersions);

        handle(catalogue, new ExpoPlanned("osaka", "Osaka", "Osaka", LocalDate.of(2030, 4, 1), LocalDate.of(2030, 4, 7)), PLANNED);
        for (String unit : List.of("shenyang", "dalian")) {
            handle(catalogue, new UnitEnrolled("osaka", unit, unit, UnitKind.CITY), PLANNED);
        }
        DirectiveIssued issued = new DirectiveIssued("invite", "osaka", "invite-buyers", "Invite buyers", null, null,
                PLANNED.plus(Duration.ofDays(30)), List.of("shenyang", "dalian"), Map.of("buyersInvited", BigDecimal.valueOf(50)),
                null, null, Map.of());
        handle(catalogue, issued, PLANNED);
        handle(figures, issued, PLANNED);
        handle(tasks, step("t-shenyang", "shenyang", "draftInvitationList"), PLANNED.plus(Duration.ofHours(1)));
        handle(tasks, step("t-dalian", "dalian", "draftInvitationList"), PLANNED.plus(Duration.ofHours(1)));

        askedOnBothNodes(node, figureVersions, day(1).plus(Duration.ofHours(1)));

        report("t-shenyang", "shenyang", "12.50", day(1).plus(Duration.ofHours(2)));
        report("t-dalian", "dalian", "8", day(1).plus(Duration.ofHours(3)));
        askedOnBothNodes(node, figureVersions, day(1).plus(Duration.ofHours(5)));

        report("t-shenyang", "shenyang", "20", day(2).plus(Duration.ofHours(2)));
        // asked through the day: each goes on from today as kept up to its settled instant, the report counted once
        askedOnBothNodes(node, figureVersions, day(2).plus(Duration.ofHours(2)).plus(Duration.ofMinutes(1)));
        askedOnBothNodes(node, figureVersions, day(2).plus(Duration.ofHours(2)).plus(Duration.ofMinutes(3)));
        askedOnBothNodes(node, figureVersions, day(2).plus(Duration.ofHours(3)));
        // reported and completed at one instant: a figure version in force for no time at all
        Instant doneAt = day(2).plus(Duration.ofHours(4));
        report("t-shenyang", "shenyang", "21", doneAt);
        complete("t-shenyang", "shenyang", "22", doneAt);
        handle(tasks, step("t-shenyang-2", "shenyang", "sendInvitations"), doneAt.plusMillis(5));
        askedOnBothNodes(node, figureVersions, day(4).plus(Duration.ofHours(1)));

        // asked a minute after day 4 ended: the day is not kept yet, and a transaction then commits events of it
        askedOnBothNodes(node, figureVersions, day(5).plus(Duration.ofMinutes(1)));
        report("t-dalian", "dalian", "9", day(5).minusSeconds(1));
        complete("t-dalian", "dalian", "10", day(5).minusSeconds(1));
        Trend friday = askedOnBothNodes(node, figureVersions, day(6).plus(Duration.ofHours(3)));

        Trend.Day last = friday.days().get(friday.days().size() - 1);
        assertThat(List.of(last.scope(), last.done())).as("two steps done, the next one open").containsExactly(3, 2);
        assertThat(last.figures()).containsEntry("buyersInvited", BigDecimal.valueOf(32));
        assertThat(friday.days().get(4).figures()).as("day 4 holds the events committed late").containsEntry("buyersInvited",
                BigDecimal.valueOf(32));
        assertThat(friday.days().get(1).figures()).containsEntry("buyersInvited", new BigDecimal("20.5"));

        Instant earlier = day(2).plus(Duration.ofHours(3));
        assertThat(node.handle(new FindTrend("osaka", earlier, PROVINCE)))
                .as("as of an instant within the kept days").isEqualTo(review(figureVersions).handle(new FindTrend("osaka", earlier, PROVINCE)));
    }

    /** The node's answer now, and that of a node that kept nothing: equal, and returned. */
    private Trend askedOnBothNodes(ReviewQueries node, FiguresProjection figureVersions, Instant now) {
        clock.now = now;
        Trend kept = node.handle(new FindTrend("osaka", null, PROVINCE));
        Trend swept = review(figureVersions).handle(new FindTrend("osaka", null, PROVINCE));
        assertThat(kept).as("at %s", now).isEqualTo(swept);
        assertThat(kept.days()).hasSize((int) ChronoUnit.DAYS.between(PLANNED.atZone(PROVINCE).toLocalDate(),
                now.atZone(PROVINCE).toLocalDate()) + 1);
        return kept;
    }

    private ReviewQueries review(FiguresProjection figureVersions) {
        ExpoTaskReadings expoTasks = new ExpoTaskReadings(named);
        return new ReviewQueries(expoTasks, new UnitStepReadings(named, clock), new BriefHistoryReadings(named),
                new BoardQueries(jdbc, expoTasks, new org.expoflow.projections.tasks.KeptBoardCells(jdbc), clock), figureVersions,
                new MeetingProjection(jdbc), jdbc, clock);
    }

    /** The start of the day {@code days} after the planning day, in the province. */
    private static Instant day(int days) {
        return PLANNED.atZone(PROVINCE).toLocalDate().plusDays(days).atStartOfDay(PROVINCE).toInstant();
    }

    private static TaskAssigned step(String taskId, String unit, String stepKey) {
        return new TaskAssigned(taskId, "osaka", "invite", unit, "p-" + taskId, stepKey, stepKey, unit,
                PLANNED.plus(Duration.ofDays(30)), Set.of(), null, false);
    }

    private void report(String taskId, String unit, String invited, Instant at) throws Exception {
        ProgressReported report = new ProgressReported(taskId, "invite", unit, 50, "under way", null, null,
                Map.of("buyersInvited", new BigDecimal(invited)));
        handle(tasks, report, at);
        handle(figures, report, at);
    }

    private void complete(String taskId, String unit, String invited, Instant at) throws Exception {
        TaskCompleted done = new TaskCompleted(taskId, "invite", unit, unit, Map.of(),
                Map.of("buyersInvited", new BigDecimal(invited)), null, null);
        handle(tasks, done, at);
        handle(figures, done, at);
    }

    private static void handle(AnnotationEventHandlerAdapter handler, Object event, Instant at) throws Exception {
        handler.handle(new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.with("actor", "coordinator"), at));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
