package org.expoflow.projections.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.expo.UnitEnrolled;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FiguresReport.FigureAgainstTarget;
import org.expoflow.projections.api.FindFigureTotals;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.projections.catalogue.CatalogueProjection;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures projection without Spring or Axon: directives with targets and the units' reports in, the
 * figures against their targets out, per unit, per directive and in total, now and as of an earlier moment.
 * Reports are running totals: a unit's latest report replaces its earlier one.
 */
class FiguresProjectionTest {

    private static final Instant ISSUED = Instant.parse("2030-01-10T01:00:00Z");
    private static final Instant NOW = ISSUED.plus(Duration.ofDays(20));

    private JdbcTemplate jdbc;
    private AnnotationEventHandlerAdapter catalogue;
    private FiguresProjection figures;

    @BeforeEach
    void emptyReadModels() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:figures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(database);
        catalogue = new AnnotationEventHandlerAdapter(new CatalogueProjection(jdbc));
        figures = new FiguresProjection(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        catalogued(new ExpoPlanned("osaka", "Osaka", "Osaka", LocalDate.of(2030, 4, 1), LocalDate.of(2030, 4, 7)));
        catalogued(new UnitEnrolled("osaka", "shenyang", "沈阳市", UnitKind.CITY));
        catalogued(new UnitEnrolled("osaka", "dalian", "大连市", UnitKind.CITY));
        catalogued(new DirectiveIssued("invite", "osaka", "invite-buyers", "Invite buyers", null, null,
                ISSUED.plus(Duration.ofDays(30)), List.of("shenyang", "dalian"), Map.of("buyersInvited", new BigDecimal("300")),
                null));
    }

    /** The catalogue learns the expo, its units and the directive with its targets, as the event store tells them. */
    private void catalogued(Object event) throws Exception {
        catalogue.handle(new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.with("actor", "coordinator"), ISSUED));
    }

    @Test
    void aUnitsLatestReportCountsAgainstItsTargetAndTheTotalSumsTheUnits() {
        shenyangReportsTwiceAndDalianCompletes();

        FiguresReport now = figures.figures(new FindFigures("osaka", null));
        assertThat(now.units()).extracting(FiguresReport.UnitFigures::unitId).containsExactly("dalian", "shenyang");
        against(now.units().get(1).figures(), "180.5", "300");
        assertThat(now.directives()).hasSize(1);
        against(now.directives().get(0).figures(), "490.5", "600");
        against(now.total(), "490.5", "600");

        FiguresReport before = figures.figures(new FindFigures("osaka", ISSUED.plus(Duration.ofDays(3))));
        against(before.total(), "120", "600"); // as of day 3: Shenyang's first report only
        against(before.units().get(0).figures(), "0", "300"); // Dalian had reported nothing yet
    }

    @Test
    void theTotalsAloneAreTheReportsTotalsForTheExpoAndForEachUnitNowAndAsOfEarlier() {
        shenyangReportsTwiceAndDalianCompletes();

        for (Instant asOf : java.util.Arrays.asList(null, ISSUED.plus(Duration.ofDays(3)))) {
            FiguresReport report = figures.figures(new FindFigures("osaka", asOf));
            assertThat(figures.totals(new FindFigureTotals("osaka", asOf, null)).total()).as("the expo as of %s", asOf)
                    .isEqualTo(report.total());
            for (FiguresReport.UnitFigures unit : report.units()) {
                assertThat(figures.totals(new FindFigureTotals("osaka", asOf, unit.unitId())).total())
                        .as("%s as of %s", unit.unitId(), asOf).isEqualTo(unit.figures());
            }
        }
        against(figures.totals(new FindFigureTotals("osaka", null, "shenyang")).total(), "180.5", "300");
        against(figures.totals(new FindFigureTotals("osaka", null, null)).total(), "490.5", "600");
    }

    @Test
    void aDirectiveIssuedAfterTheFiguresWereReadCountsAtTheNextRead() throws Exception {
        against(figures.figures(new FindFigures("osaka", null)).total(), "0", "600");
        catalogued(new DirectiveIssued("invite-more", "osaka", "invite-buyers", "Invite more buyers", null, null,
                ISSUED.plus(Duration.ofDays(40)), List.of("dalian"), Map.of("buyersInvited", new BigDecimal("50")), null));

        FiguresReport now = figures.figures(new FindFigures("osaka", null));
        against(now.total(), "0", "650");
        against(now.units().get(0).figures(), "0", "350"); // Dalian received both
        assertThat(now.directives()).extracting(FiguresReport.DirectiveFigures::directiveId).containsExactly("invite", "invite-more");
    }

    /** Shenyang reports 120 on day 2 and 180.50 on day 5; Dalian completes with 310 on day 6. */
    private void shenyangReportsTwiceAndDalianCompletes() {
        figures.on(new ProgressReported("t1", "invite", "shenyang", 30, null, null, null, Map.of("buyersInvited", new BigDecimal("120"))),
                ISSUED.plus(Duration.ofDays(2)));
        figures.on(new ProgressReported("t1", "invite", "shenyang", 60, null, null, null, Map.of("buyersInvited", new BigDecimal("180.50"))),
                ISSUED.plus(Duration.ofDays(5)));
        figures.on(new TaskCompleted("t2", "invite", "dalian", "dalian-clerk", Map.of(), Map.of("buyersInvited", new BigDecimal("310")),
                null, null), ISSUED.plus(Duration.ofDays(6)));
    }

    private static void against(Map<String, FigureAgainstTarget> figures, String value, String target) {
        assertThat(figures).containsKey("buyersInvited");
        assertThat(figures.get("buyersInvited").value()).isEqualByComparingTo(value);
        assertThat(figures.get("buyersInvited").target()).isEqualByComparingTo(target);
    }
}
