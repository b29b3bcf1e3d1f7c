package org.expoflow.projections.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.Trend;
import org.expoflow.projections.catalogue.BoardQueries;
import org.expoflow.projections.catalogue.CatalogueProjection;
import org.expoflow.projections.figures.FiguresProjection;
import org.expoflow.projections.support.Times;
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
 * The trend a leader reads beside the board, day by day over a week: steps given out and done, and each figure's
 * total, equal on every day to what counting the versions in force at the day's end gives (the way the series was
 * first computed, kept here as the oracle), through a step done, a figure reported twice and a second step given
 * out mid-week.
 */
class TrendOverDaysTest {

    private static final Instant PLANNED = Instant.parse("2030-01-06T02:00:00Z");
    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    @Test
    void eachDayCountsTheStepsAndFiguresInForceAtItsEnd() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:trend-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Instant now = PLANNED.plus(Duration.ofDays(6)).plus(Duration.ofHours(3));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(database);
        ExpoTaskReadings expoTasks = new ExpoTaskReadings(named);
        FiguresProjection figures = new FiguresProjection(jdbc, clock);
        ReviewQueries review = new ReviewQueries(expoTasks, new UnitStepReadings(named, clock), new BriefHistoryReadings(named),
                new BoardQueries(jdbc, expoTasks, new org.expoflow.projections.tasks.KeptBoardCells(jdbc), clock), figures,
                new MeetingProjection(jdbc), jdbc, clock);
        AnnotationEventHandlerAdapter catalogue = new AnnotationEventHandlerAdapter(new CatalogueProjection(jdbc));
        AnnotationEventHandlerAdapter tasks = new AnnotationEventHandlerAdapter(new TaskListProjection(named, clock));
        AnnotationEventHandlerAdapter figuresHandler = new AnnotationEventHandlerAdapter(figures);

        handle(catalogue, new ExpoPlanned("osaka", "Osaka", "Osaka", LocalDate.of(2030, 4, 1), LocalDate.of(2030, 4, 7)), PLANNED);
        for (String unit : List.of("shenyang", "dalian")) {
            handle(catalogue, new UnitEnrolled("osaka", unit, unit, UnitKind.CITY), PLANNED);
        }
        DirectiveIssued issued = new DirectiveIssued("invite", "osaka", "invite-buyers", "Invite buyers", null, null,
                PLANNED.plus(Duration.ofDays(30)), List.of("shenyang", "dalian"), Map.of("buyersInvited", BigDecimal.valueOf(50)),
                null, null, Map.of());
        handle(catalogue, issued, PLANNED);
        handle(figuresHandler, issued, PLANNED);
        handle(tasks, new TaskAssigned("t-shenyang", "osaka", "invite", "shenyang", "p1", "draftInvitationList", "Draft",
                "shenyang", PLANNED.plus(Duration.ofDays(30)), Set.of(), null, false), PLANNED.plus(Duration.ofHours(1)));
        ProgressReported first = new ProgressReported("t-shenyang", "invite", "shenyang", 30, "out", null, null,
                Map.of("buyersInvited", new BigDecimal("12.50")));
        handle(tasks, first, PLANNED.plus(Duration.ofDays(1)));
        handle(figuresHandler, first, PLANNED.plus(Duration.ofDays(1)));
        ProgressReported second = new ProgressReported("t-shenyang", "invite", "shenyang", 60, "more", null, null,
                Map.of("buyersInvited", BigDecimal.valueOf(20)));
        handle(tasks, second, PLANNED.plus(Duration.ofDays(2)));
        handle(figuresHandler, second, PLANNED.plus(Duration.ofDays(2)));
        handle(tasks, new TaskAssigned("t-dalian", "osaka", "invite", "dalian", "p2", "draftInvitationList", "Draft",
                "dalian", PLANNED.plus(Duration.ofDays(30)), Set.of(), null, false), PLANNED.plus(Duration.ofDays(3)));
        TaskCompleted done = new TaskCompleted("t-shenyang", "invite", "shenyang", "shenyang", Map.of(),
                Map.of("buyersInvited", BigDecimal.valueOf(22)), null, null);
        handle(tasks, done, PLANNED.plus(Duration.ofDays(4)));
        handle(figuresHandler, done, PLANNED.plus(Duration.ofDays(4)));

        Trend trend = review.handle(new FindTrend("osaka", null, PROVINCE));

        assertThat(trend.days()).hasSize(7);
        assertThat(trend.days()).isEqualTo(countedVersionByVersion(expoTasks, jdbc, now));
        Trend.Day last = trend.days().get(6);
        assertThat(List.of(last.scope(), last.done())).containsExactly(2, 1);
        assertThat(last.figures()).containsEntry("buyersInvited", BigDecimal.valueOf(22));
        assertThat(trend.days().get(1).figures().get("buyersInvited")).isEqualByComparingTo("12.5");
    }

    /** The series as first computed: for each day, every version of every task and figure looked at again. */
    private static List<Trend.Day> countedVersionByVersion(ExpoTaskReadings expoTasks, JdbcTemplate jdbc, Instant asOf) {
        List<ExpoTaskReadings.TaskVersion> versions = expoTasks.versionsOfExpo("osaka", asOf);
        record FigureVersion(String figure, BigDecimal value, Instant from, Instant to) {
        }
        List<FigureVersion> figureVersions = jdbc.query("select figure, figure_value, valid_from, valid_to from unit_figure_version"
                        + " where expo_id = 'osaka'", (rs, n) -> new FigureVersion(rs.getString("figure"),
                rs.getBigDecimal("figure_value"), Times.instant(rs, "valid_from"), Times.instant(rs, "valid_to")));
        List<Trend.Day> days = new ArrayList<>();
        for (LocalDate day = PLANNED.atZone(PROVINCE).toLocalDate(); !day.isAfter(asOf.atZone(PROVINCE).toLocalDate());
             day = day.plusDays(1)) {
            Instant endOfDay = day.plusDays(1).atStartOfDay(PROVINCE).toInstant();
            Instant at = endOfDay.isAfter(asOf) ? asOf : endOfDay.minusNanos(1000);
            int scope = 0;
            int done = 0;
            for (ExpoTaskReadings.TaskVersion version : versions) {
                if (version.validAt(at) && ReviewQueries.isUnitStep(version.task())) {
                    scope++;
                    done += version.task().status() == TaskStatus.COMPLETED ? 1 : 0;
                }
            }
            Map<String, BigDecimal> totals = new TreeMap<>();
            for (FigureVersion figure : figureVersions) {
                if (!figure.from().isAfter(at) && (figure.to() == null || figure.to().isAfter(at))) {
                    totals.merge(figure.figure(), figure.value(), BigDecimal::add);
                }
            }
            totals.replaceAll((figure, value) -> value.stripTrailingZeros());
            days.add(new Trend.Day(day, scope, done, totals));
        }
        return days;
    }

    private static void handle(AnnotationEventHandlerAdapter handler, Object event, Instant at) throws Exception {
        handler.handle(new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.with("actor", "coordinator"), at));
    }
}
