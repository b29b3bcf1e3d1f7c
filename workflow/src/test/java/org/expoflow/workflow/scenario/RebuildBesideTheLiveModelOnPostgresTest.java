package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.expoflow.projections.support.RebuildTables;

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
    @Autowired
    DataSource dataSource;
    @Autowired
    RebuildTables tables;

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

    /**
     * While the rebuild drops the tables a switch replaced, a clerk's transaction may hold one of them (a plan cached
     * on the old tables takes them one by one before it finds it must plan again) and then ask for another: the drop
     * waiting for the first must hold none of the others, or PostgreSQL ends the deadlock by failing one side (a clerk's
     * report once answered 500 so). Held first either table: a drop of the whole schema locks them in an order of its own.
     */
    @Test
    void theDropOfTheReplacedTablesWaitingForAClerkHoldsNoOtherTable() throws Exception {
        for (String held : List.of("task_history", "task_view")) {
            jdbc.execute("create schema read_models_replaced; create table read_models_replaced.task_history (position bigint);"
                    + " create table read_models_replaced.task_view (position bigint)");
            List<Long> replaced = jdbc.queryForList("select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'read_models_replaced' and c.relname <> ?", Long.class, held);
            CompletableFuture<Void> dropped;
            try (Connection clerk = dataSource.getConnection(); Statement statements = clerk.createStatement()) {
                clerk.setAutoCommit(false);
                statements.execute("lock table read_models_replaced." + held + " in access share mode");
                dropped = CompletableFuture.runAsync(tables::discard);
                int drop = awaitADropWaitingFor(held);
                assertThat(jdbc.queryForObject("select count(*) from pg_locks where pid = ? and granted and relation = any(?)",
                        Integer.class, drop, replaced.toArray(Long[]::new)))
                        .as("the drop waiting for %s holds no other replaced table", held).isZero();
                clerk.commit();
            }
            dropped.get(10, TimeUnit.SECONDS);
            assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname = 'read_models_replaced'", String.class))
                    .as("the replaced tables are dropped once the clerk's transaction has ended").isEmpty();
        }
    }

    /** The drop's server process, once it waits for the table. */
    private int awaitADropWaitingFor(String table) {
        return await("the drop waits for the clerk holding " + table).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForList("select l.pid from pg_locks l join pg_class c"
                        + " on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace where not l.granted"
                        + " and l.mode = 'AccessExclusiveLock' and c.relname = ? and n.nspname = 'read_models_replaced'",
                        Integer.class, table), waiting -> !waiting.isEmpty()).get(0);
    }
}
