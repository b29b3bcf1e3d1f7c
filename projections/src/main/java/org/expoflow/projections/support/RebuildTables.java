package org.expoflow.projections.support;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The read models a rebuild fills beside the live ones: the same tables, with their keys and indexes, in a schema
 * of their own ({@value #NEXT}), which the live model never names. The projections' statements name their tables
 * without a schema; a rebuild's transaction looks them up in {@value #NEXT} first ({@link #writeHere()}), so the
 * rebuild runs the very statements the writers run. When the rebuild has caught up, {@link #switchOver} puts the
 * new tables in place of the live ones inside the transaction that holds the writers, and nobody reads a half-built
 * model: on PostgreSQL the tables are moved between schemas (a change of the catalogue, whatever their size); on
 * the embedded H2, which moves no table between schemas, the rows are copied (its store is a demo's)
 * (docs/adr/0026-rebuild-beside-the-live-model.md).
 */
@Component
public class RebuildTables {

    /** Where a rebuild's tables are filled. */
    public static final String NEXT = "read_models_next";
    /** Where the live tables a switch replaced wait to be dropped (PostgreSQL). */
    static final String REPLACED = "read_models_replaced";

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private volatile String liveSchema;
    private volatile String liveSearchPath;

    public RebuildTables(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** Empty tables like the live {@code tables} in {@value #NEXT}, those of an earlier rebuild dropped first. */
    public void prepare(List<String> tables) {
        String live = liveSchema();
        discard();
        jdbc.execute("create schema " + NEXT);
        if (postgres) {
            for (String table : tables) {
                jdbc.execute("create table " + NEXT + "." + table + " (like " + live + "." + table + " including all)");
            }
            return;
        }
        // H2 says how to create its tables: the same statements, in the rebuild's schema
        String qualified = String.join(", ", tables.stream().map(table -> live + "." + table).toList());
        for (String statement : jdbc.queryForList("script nodata nopasswords nosettings table " + qualified, String.class)) {
            String upper = statement.stripLeading().toUpperCase(Locale.ROOT);
            if (upper.startsWith("CREATE MEMORY TABLE") || upper.startsWith("CREATE CACHED TABLE") || upper.startsWith("ALTER TABLE")
                    || upper.startsWith("CREATE INDEX") || upper.startsWith("CREATE UNIQUE INDEX")) {
                jdbc.execute(statement.replace('"' + live + "\".", '"' + NEXT.toUpperCase(Locale.ROOT) + "\"."));
            }
        }
    }

    /**
     * In the current transaction, the tables a statement names without a schema are the rebuild's; the others (the
     * event store's) are found where they always are. On H2 the connection is set back before the transaction ends.
     */
    public void writeHere() {
        if (postgres) {
            jdbc.execute("set local search_path to " + NEXT + ", " + liveSearchPath());
            return;
        }
        String live = liveSchema();
        jdbc.execute("set schema " + NEXT);
        jdbc.execute("set schema_search_path " + NEXT + ", " + live);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCompletion() {
                jdbc.execute("set schema " + live);
                jdbc.execute("set schema_search_path " + live);
            }
        });
    }

    /**
     * What {@link #switchOver} will do, prepared before the writers are held: on PostgreSQL the statements that take
     * every live table at once (waiting at most {@code lockWaitMillis} for the queries reading them), move them out
     * and the rebuilt ones in, and give the rebuilt tables' indexes (named by PostgreSQL when it copied them) the
     * names the migrations gave the live ones, matched by what they index, so that a later migration finds them.
     */
    public Switch prepareSwitch(List<String> tables, long lockWaitMillis) {
        String live = liveSchema();
        if (!postgres) {
            return new Switch(tables.stream().flatMap(table -> Stream.of("delete from " + live + "." + table,
                    "insert into " + live + "." + table + " select * from " + NEXT + "." + table)).toList());
        }
        List<String> statements = new ArrayList<>(List.of("set local lock_timeout = " + lockWaitMillis,
                "lock table " + String.join(", ", tables.stream().map(table -> live + "." + table).toList()) + " in access exclusive mode",
                "set local lock_timeout = 0", "drop schema if exists " + REPLACED + " cascade", "create schema " + REPLACED));
        for (String table : tables) {
            statements.add("alter table " + live + "." + table + " set schema " + REPLACED);
            statements.add("alter table " + NEXT + "." + table + " set schema " + live);
            Map<String, String> liveByShape = new HashMap<>();
            indexes(live, table).forEach((name, shape) -> liveByShape.put(shape, name));
            indexes(NEXT, table).forEach((name, shape) -> {
                String named = liveByShape.get(shape);
                if (named != null && !named.equals(name)) {
                    statements.add("alter index " + live + "." + name + " rename to " + named);
                }
            });
        }
        return new Switch(statements);
    }

    /** The statements of a switch, sent in one round trip. */
    public record Switch(List<String> statements) {
    }

    /**
     * In the transaction that holds the writers: the rebuilt tables become the live ones when it commits, and none
     * before. On PostgreSQL, {@link SwitchBusy} when queries held a live table for longer than the switch waits: the
     * caller rolls back and tries again, nothing changed; queries that come meanwhile wait for the commit and then
     * read the new tables. On H2 the rows are copied.
     */
    public void switchOver(Switch prepared) {
        try {
            jdbc.execute(String.join(";\n", prepared.statements()));
        } catch (DataAccessException failed) {
            Throwable cause = failed.getMostSpecificCause();
            if (cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                throw new SwitchBusy(failed);
            }
            throw failed;
        }
    }

    /** The live read models were being read for longer than the switch waits: it is tried again. */
    public static final class SwitchBusy extends RuntimeException {
        SwitchBusy(Throwable cause) {
            super("the live read models were busy for longer than the switch waits", cause);
        }
    }

    /** A table's indexes: name, and what it indexes (unique or not, method, columns, predicate). */
    private Map<String, String> indexes(String schema, String table) {
        Map<String, String> indexes = new HashMap<>();
        jdbc.query("select i.relname, x.indisunique, regexp_replace(pg_get_indexdef(i.oid), '^.* USING ', '') shape"
                + " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                + " join pg_namespace n on n.oid = t.relnamespace where n.nspname = ? and t.relname = ?",
                rs -> { indexes.put(rs.getString(1), rs.getBoolean(2) + " " + rs.getString(3)); }, schema, table);
        return indexes;
    }

    /** The rebuilt tables' statistics, learnt before they serve (PostgreSQL; outside a transaction for the vacuum). */
    public void analyse(List<String> tables, List<String> vacuumed) {
        if (postgres) {
            tables.forEach(table -> jdbc.execute("analyze " + NEXT + "." + table));
            vacuumed.forEach(table -> jdbc.execute("vacuum " + NEXT + "." + table));
        }
    }

    /** Drops whatever a rebuild left: its tables after a failure, the replaced live tables after a switch. */
    public void discard() {
        jdbc.execute("drop schema if exists " + NEXT + " cascade");
        discardReplaced();
    }

    /**
     * Drops the live tables a switch replaced (PostgreSQL), one table per statement. Queries that began before the
     * switch, or whose cached plans still name the replaced tables, may hold one of them and ask for another: a drop
     * of the whole schema would hold some while waiting for the rest, and PostgreSQL would end the cycle by failing
     * one side, often a clerk's request. A drop of one table holds nothing while it waits.
     */
    void discardReplaced() {
        if (!postgres) {
            return;
        }
        for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = ? order by tablename",
                String.class, REPLACED)) {
            jdbc.execute("drop table if exists " + REPLACED + "." + table + " cascade");
        }
        jdbc.execute("drop schema if exists " + REPLACED + " cascade");
    }

    /** The schema of the live tables: the connection's own. */
    private String liveSchema() {
        if (liveSchema == null) {
            liveSchema = jdbc.execute((ConnectionCallback<String>) connection -> connection.getSchema());
        }
        return liveSchema;
    }

    private String liveSearchPath() {
        if (liveSearchPath == null) {
            List<String> path = new ArrayList<>();
            for (String schema : jdbc.queryForObject("show search_path", String.class).split(",")) {
                if (!schema.isBlank() && !schema.strip().equals(NEXT)) {
                    path.add(schema.strip());
                }
            }
            liveSearchPath = String.join(", ", path);
        }
        return liveSearchPath;
    }

}
