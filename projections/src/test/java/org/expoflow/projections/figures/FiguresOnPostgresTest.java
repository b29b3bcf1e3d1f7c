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

import javax.sql.DataSource;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.expo.UnitEnrolled;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.projections.catalogue.CatalogueProjection;
import org.expoflow.projections.support.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL sums the figures by unit and by directive in one statement (grouping sets), H2 in two: the same
 * reports, many units, directives and figures, now and as of earlier.
 */
@Tag("postgres")
class FiguresOnPostgresTest {

    private static final Instant ISSUED = Instant.parse("2030-01-10T01:00:00Z");
    private static final Instant NOW = ISSUED.plus(Duration.ofDays(20));
    private static final List<String> UNITS = List.of("shenyang", "dalian", "anshan", "fushun");

    @Test
    void bothDatabasesSumTheFiguresAlike() throws Exception {
        FiguresProjection onPostgres = reported(TestDatabases.postgres("figures_sums"));
        FiguresProjection onH2 = reported(TestDatabases.h2("figures-sums"));

        for (Instant asOf : new Instant[] {null, ISSUED.plus(Duration.ofDays(4)), ISSUED.plus(Duration.ofDays(1))}) {
            FiguresReport postgres = onPostgres.figures(new FindFigures("osaka", asOf));
            assertThat(postgres).as("as of " + asOf).isEqualTo(onH2.figures(new FindFigures("osaka", asOf)));
            assertThat(postgres.units()).hasSize(UNITS.size());
        }
        FiguresReport now = onPostgres.figures(new FindFigures("osaka", null));
        assertThat(now.directives()).hasSize(3);
        assertThat(now.total().get("buyersInvited").value()).isEqualByComparingTo("1098");
        assertThat(now.total().get("exhibitsShipped").value()).isEqualByComparingTo("90");
    }

    /** Three directives to four units, two figures, each unit reporting twice per directive (the later replaces the earlier). */
    private static FiguresProjection reported(DataSource database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        AnnotationEventHandlerAdapter catalogue = new AnnotationEventHandlerAdapter(new CatalogueProjection(jdbc));
        FiguresProjection figures = new FiguresProjection(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        catalogued(catalogue, new ExpoPlanned("osaka", "Osaka", "Osaka", LocalDate.of(2030, 4, 1), LocalDate.of(2030, 4, 7)));
        for (String unit : UNITS) {
            catalogued(catalogue, new UnitEnrolled("osaka", unit, unit, UnitKind.CITY));
        }
        for (int d = 0; d < 3; d++) {
            catalogued(catalogue, new DirectiveIssued("directive-" + d, "osaka", "invite-buyers", "Directive " + d, null, null,
                    ISSUED.plus(Duration.ofDays(30)), UNITS, Map.of("buyersInvited", new BigDecimal("100"),
                    "exhibitsShipped", new BigDecimal("10")), null));
            for (int u = 0; u < UNITS.size(); u++) {
                figures.on(new ProgressReported("t" + d + u, "directive-" + d, UNITS.get(u), 40, null, null, null,
                        Map.of("buyersInvited", new BigDecimal(10 * (u + 1)))), ISSUED.plus(Duration.ofDays(2)));
                figures.on(new ProgressReported("t" + d + u, "directive-" + d, UNITS.get(u), 80, null, null, null,
                        Map.of("buyersInvited", new BigDecimal(90 + u), "exhibitsShipped", new BigDecimal("7.5"))),
                        ISSUED.plus(Duration.ofDays(5 + d)));
            }
        }
        return figures;
    }

    private static void catalogued(AnnotationEventHandlerAdapter catalogue, Object event) throws Exception {
        catalogue.handle(new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.with("actor", "coordinator"), ISSUED));
    }
}
