package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.expoflow.workflow.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rebuilds beside the live model on PostgreSQL, whose switch moves the rebuilt tables into place. */
@PostgresTest
class RebuildBesideTheLiveModelOnPostgresTest extends RebuildBesideTheLiveModelScenario {

    private static final String INDEXES = "select tablename || ': ' || indexname || ' ' || regexp_replace(indexdef, '^.* USING ', '')"
            + " from pg_indexes where schemaname = current_schema() and tablename in ('task_view', 'task_version', 'task_history',"
            + " 'unit_figure_version', 'directive_unit_view', 'unit_step_tally') order by 1";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRebuiltTablesServeUnderTheNamesTheMigrationsGaveAndNothingIsLeftBeside() {
        List<String> before = jdbc.queryForList(INDEXES, String.class);
        assertThat(before).anyMatch(index -> index.startsWith("task_view: "));

        assertThat(as("admin").post("/api/admin/projections/read-models/rebuild?wait=true").status().value()).isEqualTo(200);

        assertThat(jdbc.queryForList(INDEXES, String.class)).as("every index, by the name a later migration knows it by")
                .isEqualTo(before);
        assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname like 'read_models_%'", String.class))
                .as("neither the rebuild's schema nor the replaced tables are left").isEmpty();
    }
}
