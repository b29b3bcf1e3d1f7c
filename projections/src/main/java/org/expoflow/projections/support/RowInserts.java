package org.expoflow.projections.support;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows added many at a time, as a rebuild writes them by the hundred thousand. On PostgreSQL they go in by
 * {@code COPY ... FROM STDIN}, which the server loads without parsing or planning a statement at all;
 * elsewhere as multi-row inserts ({@code insert ... values (...), (...), ...}) of up to {@value #MOST_ROWS}
 * rows, parsed and answered once for them all. Every column says its SQL type, for the nulls.
 */
public final class RowInserts {

    static final int MOST_ROWS = 500;

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> columns;
    private final int[] sqlTypes;
    private final String fullStatement;
    private final String copy;

    public RowInserts(JdbcTemplate jdbc, String table, List<String> columns, int[] sqlTypes) {
        if (columns.size() != sqlTypes.length) {
            throw new IllegalArgumentException("one SQL type per column of " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.sqlTypes = sqlTypes.clone();
        this.fullStatement = statement(MOST_ROWS);
        this.copy = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
    }

    /** Adds the rows, each its values in the order of the columns, in the current transaction. */
    public void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), rows);
            } else {
                insert(connection, rows);
            }
            return null;
        });
    }

    private void copy(PGConnection connection, List<Object[]> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                if (column > 0) {
                    csv.append(',');
                }
                Object value = row[column];
                if (value != null) { // unquoted nothing is null; a value is always quoted, so "" is an empty string
                    String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
                    csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        try {
            connection.getCopyAPI().copyIn(copy, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("copying rows into " + table + " failed", e);
        }
    }

    private void insert(Connection connection, List<Object[]> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += MOST_ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + MOST_ROWS));
            try (PreparedStatement statement = connection.prepareStatement(
                    chunk.size() == MOST_ROWS ? fullStatement : statement(chunk.size()))) {
                bind(statement, chunk);
                statement.executeUpdate();
            }
        }
    }

    private void bind(PreparedStatement statement, List<Object[]> chunk) throws SQLException {
        int index = 1;
        for (Object[] row : chunk) {
            for (int column = 0; column < sqlTypes.length; column++, index++) {
                if (row[column] == null) {
                    statement.setNull(index, sqlTypes[column]);
                } else {
                    statement.setObject(index, row[column]);
                }
            }
        }
    }

    private String statement(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "insert into " + table + " (" + String.join(", ", columns) + ") values "
                + String.join(", ", Collections.nCopies(rows, row));
    }
}
