package org.expoflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database that ran an earlier ExpoFlow, migrated to this one: units registered before they had an order of their
 * own come in the province's register's order, and read models written before steps returned for rework were told
 * apart are rebuilt, where a database holds any.
 */
class UpgradeMigrationsTest {

    private final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    private void migrateTo(String version) {
        Flyway.configure().dataSource(database).baselineOnMigrate(true).baselineVersion("0")
                .locations("classpath:db/migration").target(version).load().migrate();
    }

    @Test
    void unitsRegisteredBeforeTheyHadAnOrderComeInTheProvincesRegistersOrder() {
        migrateTo("31.2");
        for (String[] unit : List.of(new String[] {"anshan", "鞍山市"}, new String[] {"commerce", "省商务厅"},
                new String[] {"dalian", "大连市"}, new String[] {"sy", "沈阳市"}, new String[] {"benxi", "本溪市"})) {
            jdbc.update("insert into organisation_unit (unit_id, name, kind) values (?, ?, 'CITY')", unit[0], unit[1]);
        }
        migrateTo("latest");
        jdbc.update("insert into organisation_unit (unit_id, name, kind, register_order) values ('airport', '桃仙机场', 'DEPARTMENT',"
                + " (select max(register_order) + 1 from organisation_unit))");

        assertThat(jdbc.queryForList("select unit_id from organisation_unit order by register_order, unit_id", String.class))
                .as("沈阳 (by its name), 大连, 鞍山, 本溪 as the province lists them; others after, in the order they came")
                .containsExactly("sy", "dalian", "anshan", "benxi", "commerce", "airport");
    }

    @Test
    void readModelsHoldingStepsFromBeforeReworkWasToldApartAreMarkedForARebuildANodeTakesOver() {
        migrateTo("31.7");
        jdbc.update("insert into task_view (task_id, expo_id, directive_id, unit_id, step_key, candidate_group, status, assigned_at)"
                + " values ('t1', 'e1', 'd1', 'anshan', 'draftInvitationList', 'anshan', 'COMPLETED', ?)",
                Timestamp.from(Instant.now().minusSeconds(3600)));
        migrateTo("latest");

        Map<String, Object> state = jdbc.queryForMap("select rebuilding, progressed_at, failure from read_model_state"
                + " where processing_group = 'read-models'");
        assertThat(state.get("REBUILDING")).isEqualTo(true);
        assertThat(((java.time.OffsetDateTime) state.get("PROGRESSED_AT")).toInstant())
                .as("as if its node had gone long ago: the first node to look takes it over").isBefore(Instant.now().minusSeconds(3600));
    }

    @Test
    void readModelsRebuiltSinceOrBornAfterAreLeftAsTheyAre() {
        migrateTo("32.3");
        jdbc.update("insert into task_view (task_id, expo_id, directive_id, unit_id, step_key, candidate_group, status, assigned_at)"
                + " values ('t1', 'e1', 'd1', 'anshan', 'draftInvitationList', 'anshan', 'OPEN', ?)",
                Timestamp.from(Instant.now().plusSeconds(5)));
        migrateTo("latest");

        assertThat(jdbc.queryForList("select processing_group from read_model_state where rebuilding = true", String.class))
                .as("its rows were written knowing rework").isEmpty();
    }
}
