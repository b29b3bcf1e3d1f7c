package org.expoflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The processor time a side of the write-path benchmark spends: its JVM's, and that of the PostgreSQL
 * server processes serving its database. Throughput on one machine hides where the time goes, since the
 * database shares the cores: this says whether a completion costs more in the application or in the
 * database, so that work is cut where it is spent.
 * <p>
 * The database's share is read from {@code /proc}, so only for a PostgreSQL on the same Linux machine;
 * elsewhere (and on H2, which runs inside the JVM) it is unknown. The server's own background processes
 * (WAL writer, checkpointer, autovacuum) are not counted; each connection's process is.
 */
final class CpuMeter {

    /** Measures nothing: for phases whose processor time is not reported. */
    static final CpuMeter NONE = new CpuMeter(null, null, null);

    // Linux reports process times in clock ticks of 1/100 s (USER_HZ) whatever the kernel's tick rate
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final ProcessHandle jvm;
    private final WritePathBenchmark.Options options;
    private final String databaseName;

    CpuMeter(ProcessHandle jvm, WritePathBenchmark.Options options, String databaseName) {
        this.jvm = jvm;
        this.options = options;
        this.databaseName = databaseName;
    }

    /** Processor time so far: the JVM's, and each database server process's by its pid. */
    Reading read() {
        long jvmNanos = jvm == null ? -1 : jvm.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        return new Reading(jvmNanos, databaseName == null ? Map.of() : databaseProcesses());
    }

    /** What a phase cost between two readings, in nanoseconds; -1 where it is unknown. */
    record Spent(long jvmNanos, long databaseNanos) {
        static final Spent UNKNOWN = new Spent(-1, -1);
    }

    record Reading(long jvmNanos, Map<Integer, Long> databaseNanosByPid) {

        Spent since(Reading before) {
            long jvm = jvmNanos < 0 || before.jvmNanos < 0 ? -1 : jvmNanos - before.jvmNanos;
            long database = 0;
            for (Map.Entry<Integer, Long> process : databaseNanosByPid.entrySet()) {
                // a connection opened during the phase spent all its time in it
                database += process.getValue() - before.databaseNanosByPid.getOrDefault(process.getKey(), 0L);
            }
            return new Spent(jvm, databaseNanosByPid.isEmpty() ? -1 : database);
        }
    }

    private Map<Integer, Long> databaseProcesses() {
        Map<Integer, Long> spent = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(options.postgresUrl() + "postgres", options.postgresUser(),
                options.postgresPassword());
             PreparedStatement backends = connection.prepareStatement("select pid from pg_stat_activity where datname = ?")) {
            backends.setString(1, databaseName);
            try (ResultSet rows = backends.executeQuery()) {
                while (rows.next()) {
                    int pid = rows.getInt(1);
                    long ticks = ticks(pid);
                    if (ticks < 0) {
                        return Map.of(); // not on this machine
                    }
                    spent.put(pid, ticks * NANOS_PER_TICK);
                }
            }
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot list the connections to " + databaseName, unreachable);
        }
        return spent;
    }

    // utime and stime: the 14th and 15th fields of /proc/<pid>/stat, counted after the command's closing parenthesis
    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException elsewhere) {
            return -1;
        }
    }
}
