package org.expoflow.projections.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements a projection runs at once live ({@link ReadModelWrites#update}), held back in a rebuild and run
 * in order at the end of the batch, a run of the same statement as one JDBC batch: the catalogue's rows (a directive's every unit,
 * every unit that finished it) without a round trip each. For a projection that does not read back what
 * it wrote during the rebuild.
 */
final class DeferredStatements implements ReplayWrites.Buffer {

    private record Statement(String sql, Object[] args) {
    }

    private final JdbcTemplate jdbc;
    private List<Statement> statements = new ArrayList<>();

    DeferredStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String sql, Object... args) {
        statements.add(new Statement(sql, args));
    }

    @Override
    public Runnable flush() {
        List<Statement> held = statements;
        statements = new ArrayList<>();
        return held.isEmpty() ? null : () -> {
            for (int from = 0; from < held.size(); ) {
                String sql = held.get(from).sql();
                List<Object[]> run = new ArrayList<>();
                int to = from;
                for (; to < held.size() && held.get(to).sql().equals(sql); to++) {
                    run.add(held.get(to).args());
                }
                jdbc.batchUpdate(sql, run);
                from = to;
            }
        };
    }
}
