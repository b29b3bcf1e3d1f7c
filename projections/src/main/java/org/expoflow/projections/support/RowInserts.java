package org.expoflow.projections.support;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows added many at a time, as a rebuild writes them by the hundred thousand. On PostgreSQL they go in by
 * {@code COPY ... FROM STDIN}, which the server loads without parsing or planning a statement at all: in
 * its binary format when every column is text, a whole number or an instant (the server then parses no
 * dates either; docs/adr/0006-rebuild-by-replay-with-batched-copy.md), else as CSV; elsewhere as multi-row inserts ({@code insert ... values (...), (...), ...}) of up to {@value #MOST_ROWS}
 * rows, parsed and answered once for them all. Every column says its SQL type, for the nulls.
 */
public final class RowInserts {

    static final int MOST_ROWS = 500;
    private static final byte[] COPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> columns;
    private final int[] sqlTypes;
    private final String fullStatement;
    private final String copy;
    private final boolean binary;

    public RowInserts(JdbcTemplate jdbc, String table, List<String> columns, int[] sqlTypes) {
        if (columns.size() != sqlTypes.length) {
            throw new IllegalArgumentException("one SQL type per column of " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.sqlTypes = sqlTypes.clone();
        this.fullStatement = statement(MOST_ROWS);
        this.binary = Arrays.stream(sqlTypes).allMatch(type -> type == Types.VARCHAR || type == Types.INTEGER
                || type == Types.TIMESTAMP_WITH_TIMEZONE);
        this.copy = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format " + (binary ? "binary" : "csv") + ")";
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
        if (binary) {
            CopyIn copyIn = connection.getCopyAPI().copyIn(copy);
            try {
                writeBinaryRows(rows, new BinaryRows(copyIn));
                copyIn.endCopy();
            } finally {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            }
            return;
        }
        try {
            connection.getCopyAPI().copyIn(copy, new StringReader(csvRows(rows)));
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("copying rows into " + table + " failed", e);
        }
    }

    /** PostgreSQL's binary COPY format: a header, then per row its field count and each field's length and bytes. */
    private static void writeBinaryRows(List<Object[]> rows, BinaryRows out) throws SQLException {
        out.write(COPY_SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
        for (Object[] row : rows) {
            out.writeShort(row.length);
            for (Object value : row) {
                if (value == null) {
                    out.writeInt(-1);
                } else if (value instanceof Integer number) {
                    out.writeInt(4);
                    out.writeInt(number);
                } else if (value instanceof OffsetDateTime instant) {
                    out.writeInt(8);
                    out.writeLong(microsSincePostgresEpoch(instant.toInstant()));
                } else {
                    byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                }
            }
        }
        out.writeShort(-1);
        out.flush();
    }

    /**
     * Bytes in the network order, sent to the server a buffer at a time: a {@code DataOutputStream} over a
     * {@code ByteArrayOutputStream} locks for every byte, and one array per batch that doubles as it grows is
     * allocated apart and zeroed by the garbage collector; both showed in a rebuild
     * (docs/adr/0006-rebuild-by-replay-with-batched-copy.md).
     */
    private static final class BinaryRows {
        private static final int BUFFER = 64 * 1024;
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

        private final CopyIn server;
        private final byte[] bytes = new byte[BUFFER];
        private int size;

        BinaryRows(CopyIn server) {
            this.server = server;
        }

        void writeShort(int value) throws SQLException {
            room(2);
            SHORT.set(bytes, size, (short) value);
            size += 2;
        }

        void writeInt(int value) throws SQLException {
            room(4);
            INT.set(bytes, size, value);
            size += 4;
        }

        void writeLong(long value) throws SQLException {
            room(8);
            LONG.set(bytes, size, value);
            size += 8;
        }

        void write(byte[] more) throws SQLException {
            if (more.length > BUFFER) {
                flush();
                server.writeToCopy(more, 0, more.length);
                return;
            }
            room(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        void flush() throws SQLException {
            if (size > 0) {
                server.writeToCopy(bytes, 0, size);
                size = 0;
            }
        }

        private void room(int more) throws SQLException {
            if (size + more > BUFFER) {
                flush();
            }
        }
    }

    /** A timestamptz as the server keeps it, rounded to the microsecond as its text input would. */
    private static long microsSincePostgresEpoch(Instant instant) {
        long seconds = instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS;
        long nanos = instant.getNano();
        return seconds * 1_000_000 + nanos / 1000 + (nanos % 1000 >= 500 ? 1 : 0);
    }

    private String csvRows(List<Object[]> rows) {
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
        return csv.toString();
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
