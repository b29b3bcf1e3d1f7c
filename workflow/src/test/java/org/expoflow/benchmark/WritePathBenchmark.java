package org.expoflow.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The write path, A/B: ExpoFlow over its REST API against the plain Camunda 7.24 engine over its own
 * REST API ({@link PlainCamundaApplication}), open as the starter makes it and secured as Camunda's
 * documentation asks of a shared engine (a side each, {@code --baseline=open|secured|both}), all serving
 * {@code invite-buyers.bpmn}, each in a JVM of its own, their rounds in turn, on the same database (a fresh database each on the same PostgreSQL
 * server, or each its own embedded H2), with the same number of concurrent clients. Each round starts
 * the same number of processes (ExpoFlow: directives to the 15 demo units; plain: one start per process)
 * and then completes every process's first step ({@code draftInvitationList}), once per process, each
 * completion by its own request. It prints throughput, latency percentiles and the ratios ExpoFlow /
 * plain, round by round and as the median over the rounds.
 * <p>
 * Run it as the README says: {@code ./mvnw -pl workflow -am -Pbenchmark -DskipTests verify}, with
 * {@code -Dbenchmark.args="--database=postgres --processes=300 --clients=4 --rounds=3"} to choose.
 */
public final class WritePathBenchmark {

    static final List<String> UNITS = List.of("shenyang", "dalian", "anshan", "fushun", "benxi", "dandong", "jinzhou",
            "yingkou", "fuxin", "liaoyang", "panjin", "tieling", "chaoyang", "huludao", "shenfu");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> notes = new ArrayList<>();

    /** {@code flightRecordings}: a folder where each side's JVM leaves a Flight Recording of its run, or null. */
    record Options(List<String> databases, int processes, int clients, int rounds, int warmupRounds, String postgresUrl,
                   String postgresUser, String postgresPassword, Path flightRecordings, List<PlainSide> baselines) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                for (String part : arg.trim().split("\\s+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    if (!part.startsWith("--") || !part.contains("=")) {
                        throw new IllegalArgumentException("arguments are --name=value, not '" + part + "'");
                    }
                    given.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                }
            }
            List<String> known = List.of("database", "processes", "clients", "rounds", "warmup-rounds", "postgres-url",
                    "postgres-user", "postgres-password", "flight-recording", "baseline");
            given.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("unknown argument --" + name + "; known: " + known);
            });
            String database = given.getOrDefault("database", "both");
            List<String> databases = switch (database) {
                case "h2" -> List.of("h2");
                case "postgres" -> List.of("postgres");
                case "both" -> List.of("h2", "postgres");
                default -> throw new IllegalArgumentException("--database is h2, postgres or both, not '" + database + "'");
            };
            String baseline = given.getOrDefault("baseline", "both");
            List<PlainSide> baselines = switch (baseline) {
                case "open" -> List.of(PlainSide.open());
                case "secured" -> List.of(PlainSide.secured());
                case "both" -> List.of(PlainSide.open(), PlainSide.secured());
                default -> throw new IllegalArgumentException("--baseline is open, secured or both, not '" + baseline + "'");
            };
            return new Options(databases, positive(given, "processes", 300), positive(given, "clients", 4),
                    positive(given, "rounds", 3), positive(given, "warmup-rounds", 5),
                    given.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/"),
                    given.getOrDefault("postgres-user", "postgres"), given.getOrDefault("postgres-password", ""),
                    flightRecordings(given.get("flight-recording")), baselines);
        }

        private static Path flightRecordings(String folder) {
            if (folder == null) {
                return null;
            }
            if (folder.isBlank()) {
                throw new IllegalArgumentException("--flight-recording is a folder for the recordings, such as target/jfr");
            }
            return Path.of(folder).toAbsolutePath();
        }

        private static int positive(Map<String, String> given, String name, int otherwise) {
            String value = given.get(name);
            if (value == null) {
                return otherwise;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < 1 || number > 100_000) {
                    throw new IllegalArgumentException("--" + name + " is a whole number from 1 to 100000, not " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is a whole number from 1 to 100000, not '" + value + "'");
            }
        }
    }

    /**
     * What one phase of a round measured: how many, how long in all, each request's latency, the failures,
     * and the processor time the side spent on it.
     */
    record Phase(int work, long wallNanos, List<Long> latencies, List<String> failures, CpuMeter.Spent cpu) {
        double perSecond() {
            return work / (wallNanos / 1e9);
        }

        double percentileMillis(double p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }

        /** Milliseconds of processor time per request, the JVM's and the database's ("?" where unknown). */
        String cpuPerRequest() {
            return millisEach(cpu.jvmNanos()) + " + " + millisEach(cpu.databaseNanos());
        }

        private String millisEach(long nanos) {
            return nanos < 0 ? "?" : String.format(Locale.ROOT, "%.1f", nanos / 1e6 / work);
        }
    }

    record Round(Phase starts, Phase completions) {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println("benchmark: " + bad.getMessage());
            System.exit(2);
            return;
        }
        StringBuilder report = new StringBuilder();
        report.append("# Write path: ExpoFlow against the plain Camunda engine\n\n").append(machine()).append("\n\n")
                .append(String.format(Locale.ROOT, "%d processes per round, %d concurrent clients, %d rounds after %d rounds of warm-up.%n%n",
                        options.processes(), options.clients(), options.rounds(), options.warmupRounds()));
        for (String database : options.databases()) {
            if (database.equals("postgres")) {
                checkPostgres(options);
            }
            List<Side> sides = new ArrayList<>(options.baselines());
            sides.add(new ExpoFlowSide());
            Map<String, List<Round>> measured = run(sides, database, options);
            for (PlainSide baseline : options.baselines()) {
                report.append(table(database, baseline, measured.get(baseline.name()), measured.get(ExpoFlowSide.NAME)));
            }
        }
        notes.forEach(note -> report.append("- ").append(note).append('\n'));
        System.out.println();
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "write-path.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static void checkPostgres(Options options) {
        try (Connection connection = DriverManager.getConnection(options.postgresUrl() + "postgres", options.postgresUser(),
                options.postgresPassword())) {
            connection.isValid(5);
        } catch (SQLException unreachable) {
            System.err.println("benchmark: cannot reach PostgreSQL at " + options.postgresUrl() + "postgres as "
                    + options.postgresUser() + ": " + unreachable.getMessage());
            System.exit(2);
        }
    }

    /**
     * The two sides on one database, each with a fresh database and a JVM of its own, both started before the
     * first round and their rounds taken in turn (the first side first in odd rounds, the other in even ones),
     * the side not measured held still meanwhile ({@link Started#hold}). Measured one after the other, a
     * machine whose speed moved between the two halves moved the ratio with it: on a day the plain engine's
     * own CPU per completion went from 9.3 to 6.4 ms within its five rounds, and the ratio from 0.66x to
     * 0.47x between two runs of the same code.
     */
    private static Map<String, List<Round>> run(List<Side> sides, String database, Options options) throws Exception {
        List<Started> started = new ArrayList<>();
        try {
            for (Side side : sides) {
                started.forEach(Started::hold);
                started.add(start(side, database, options));
            }
            // until the JIT has compiled each side's hot code: both settle within a few rounds, ExpoFlow's longer path
            // later than the plain engine's (its CPU per completion still fell by a fifth from round 5 to 10)
            for (int w = 1; w <= options.warmupRounds(); w++) {
                for (Started side : started) {
                    side.measure(started, "w" + w, options);
                }
            }
            if (database.equals("postgres")) {
                for (Started side : started) {
                    analyze(options, databaseName(side.side()));
                }
            }
            Map<String, List<Round>> rounds = new LinkedHashMap<>();
            for (int r = 1; r <= options.rounds(); r++) {
                List<Started> inTurn = new ArrayList<>(started);
                if (r % 2 == 0) {
                    Collections.reverse(inTurn);
                }
                for (Started side : inTurn) {
                    Round round = side.measure(started, "r" + r, options);
                    System.out.printf(Locale.ROOT, "  %s %s round %d: %.1f starts/s, %.1f completions/s, p95 %.0f ms%n",
                            side.side().name(), database, r, round.starts().perSecond(), round.completions().perSecond(),
                            round.completions().percentileMillis(0.95));
                    rounds.computeIfAbsent(side.side().name(), name -> new ArrayList<>()).add(round);
                }
            }
            for (Started side : started) {
                started.forEach(Started::hold);
                side.resume();
                String after = side.side().afterRounds(side.http(), side.base());
                if (!after.isEmpty()) {
                    System.out.println("  " + after);
                    notes.add(database + ": " + after);
                }
            }
            return rounds;
        } finally {
            for (Started side : started) {
                side.stop();
            }
        }
    }

    /** A side running in its own JVM, ready for its rounds. */
    private record Started(Side side, Process process, HttpClient http, String base, CpuMeter cpu) {

        /** One round of this side, the others held still meanwhile. */
        Round measure(List<Started> all, String label, Options options) throws Exception {
            all.stream().filter(other -> other != this).forEach(Started::hold);
            resume();
            return side.round(http, base, label, options.processes(), options.clients(), cpu);
        }

        /**
         * Holds the JVM still (SIGSTOP): between its rounds it would otherwise take processor time from the side
         * measured (the engine's job acquisition, ExpoFlow's scheduled metrics and reminders). Its connections
         * stay open and idle; nothing of it is in flight between rounds.
         */
        void hold() {
            signal("STOP");
        }

        void resume() {
            signal("CONT");
        }

        void stop() throws InterruptedException {
            // a JVM that died is not signalled: the failure that ended the run is the one to see
            if (!process.isAlive()) {
                return;
            }
            resume();
            process.destroy();
            process.waitFor();
        }

        private void signal(String name) {
            try {
                int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
                }
            } catch (IOException | InterruptedException failed) {
                throw new IllegalStateException("cannot signal " + side.name() + "'s JVM (kill -" + name + ")", failed);
            }
        }
    }

    /** One side on one database: a fresh database, its own JVM, started and prepared for its rounds. */
    private static Started start(Side side, String database, Options options) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), side.mainClass(), "--server.port=" + port,
                "--spring.datasource.hikari.maximum-pool-size=20", "--logging.level.root=WARN"));
        if (database.equals("postgres")) {
            String name = databaseName(side);
            try (Connection connection = DriverManager.getConnection(options.postgresUrl() + "postgres", options.postgresUser(),
                    options.postgresPassword()); Statement sql = connection.createStatement()) {
                sql.execute("drop database if exists " + name + " with (force)");
                sql.execute("create database " + name);
            }
            command.addAll(List.of("--spring.datasource.url=" + options.postgresUrl() + name,
                    "--spring.datasource.username=" + options.postgresUser(),
                    "--spring.datasource.password=" + options.postgresPassword()));
        }
        if (options.flightRecordings() != null) {
            // what the side's threads do, sampled (JFR's profile settings), to find where its time goes
            Files.createDirectories(options.flightRecordings());
            // stacks as deep as the engine's (Camunda, Axon and Spring go well past JFR's default of 64 frames)
            command.addAll(1, List.of("-XX:FlightRecorderOptions=stackdepth=1024", "-XX:StartFlightRecording=settings=profile,filename="
                    + options.flightRecordings().resolve(side.name() + "-" + database + ".jfr")));
        }
        command.addAll(side.arguments(database));
        Path log = Files.createTempFile("benchmark-" + side.name() + "-" + database, ".log");
        System.out.println("starting " + side.name() + " on " + database + " at port " + port + " (log: " + log + ")");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            awaitStarted(side.name(), process, log, Duration.ofMinutes(3), () -> side.ready(http, base));
            side.prepare(http, base);
            return new Started(side, process, http, base,
                    new CpuMeter(process.toHandle(), options, database.equals("postgres") ? databaseName(side) : null));
        } catch (Exception | Error failed) {
            process.destroy();
            throw failed;
        }
    }

    private static String databaseName(Side side) {
        return "expoflow_bench_" + side.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Gives the planner the statistics a database in service has. A fresh database's tables grow from
     * empty during the first minute, before autovacuum first analyses them, and meanwhile the planner may
     * read a whole table through the wrong index (seen for the engine's job and task history look-ups):
     * the rounds would measure that minute, not the application.
     */
    private static void analyze(Options options, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.postgresUrl() + name, options.postgresUser(),
                options.postgresPassword()); Statement sql = connection.createStatement()) {
            sql.execute("analyze");
        }
    }

    private static String table(String database, PlainSide baseline, List<Round> plain, List<Round> expoflow) {
        StringBuilder table = new StringBuilder();
        table.append("## ").append(database.equals("h2") ? "Embedded default (H2 in memory)" : "PostgreSQL")
                .append(": against the ").append(baseline.description()).append("\n\n")
                .append("| round | plain completions/s | ExpoFlow completions/s | ratio | plain p50/p95/p99 ms | ExpoFlow p50/p95/p99 ms"
                        + " | p95 ratio | plain starts/s | ExpoFlow starts/s | ratio"
                        + " | CPU ms per completion, JVM + database: plain | ExpoFlow | failed requests |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<double[]> ratios = new ArrayList<>();
        for (int r = 0; r < plain.size(); r++) {
            Round p = plain.get(r);
            Round e = expoflow.get(r);
            double completionRatio = e.completions().perSecond() / p.completions().perSecond();
            double p95Ratio = e.completions().percentileMillis(0.95) / p.completions().percentileMillis(0.95);
            double startRatio = e.starts().perSecond() / p.starts().perSecond();
            ratios.add(new double[] {completionRatio, p95Ratio, startRatio});
            int failed = p.starts().failures().size() + p.completions().failures().size() + e.starts().failures().size()
                    + e.completions().failures().size();
            table.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | **%.2f** | %s | %s | %.2f | %.1f | %.1f | **%.2f** | %s | %s | %d |%n",
                    r + 1, p.completions().perSecond(), e.completions().perSecond(), completionRatio, percentiles(p.completions()),
                    percentiles(e.completions()), p95Ratio, p.starts().perSecond(), e.starts().perSecond(), startRatio,
                    p.completions().cpuPerRequest(), e.completions().cpuPerRequest(), failed));
            List<String> failures = new ArrayList<>(e.completions().failures());
            failures.addAll(e.starts().failures());
            failures.stream().limit(3).forEach(failure -> System.out.println("  failed: " + failure));
        }
        table.append(String.format(Locale.ROOT, "%nMedian over the rounds: completions **%.2f**x the %s, p95 **%.2f**x,"
                        + " starts **%.2f**x.%n%n", median(ratios, 0), baseline.description(), median(ratios, 1), median(ratios, 2)));
        return table.toString();
    }

    private static double median(List<double[]> ratios, int column) {
        List<Double> values = new ArrayList<>(ratios.stream().map(r -> r[column]).toList());
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    private static String percentiles(Phase phase) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", phase.percentileMillis(0.50), phase.percentileMillis(0.95),
                phase.percentileMillis(0.99));
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException notLinux) {
            // the machine line then names what the JVM knows
        }
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %d GiB, Java %s, %s.", Runtime.getRuntime().availableProcessors(),
                cpu, Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getTotalMemorySize() / 1073741824.0), System.getProperty("java.version"),
                System.getProperty("os.name"));
    }

    /** Waits until an application started in its own JVM is ready; fails at once if its JVM has ended. */
    static void awaitStarted(String name, Process process, Path log, Duration atMost, Callable<Boolean> ready) {
        try {
            // connection refused until the server listens: not ready yet
            await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> !process.isAlive() || ready.call());
        } catch (ConditionTimeoutException late) {
            throw new IllegalStateException(name + " did not start within " + atMost + "; see " + log, late);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " stopped while starting; see " + log);
        }
    }

    /** Runs the requests with the given number of clients at once, timing each and the whole. */
    static Phase phase(int work, List<Callable<HttpResponse<String>>> requests, int clients) throws InterruptedException {
        return phase(work, requests, clients, CpuMeter.NONE);
    }

    /** The same, and the processor time spent by the side the meter reads. */
    static Phase phase(int work, List<Callable<HttpResponse<String>>> requests, int clients, CpuMeter cpu)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<long[]>> timed = new ArrayList<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            for (Callable<HttpResponse<String>> request : requests) {
                timed.add(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> response = request.call();
                    long took = System.nanoTime() - start;
                    if (response.statusCode() >= 300) {
                        failures.add(response.statusCode() + " " + response.request().uri().getPath() + " " + response.body());
                    }
                    return new long[] {took};
                });
            }
            CpuMeter.Reading before = cpu.read();
            long start = System.nanoTime();
            List<Future<long[]>> done = pool.invokeAll(timed);
            long wall = System.nanoTime() - start;
            CpuMeter.Spent spent = cpu.read().since(before);
            List<Long> latencies = new ArrayList<>();
            for (Future<long[]> future : done) {
                try {
                    latencies.add(future.get()[0]);
                } catch (java.util.concurrent.ExecutionException failed) {
                    failures.add(String.valueOf(failed.getCause()));
                }
            }
            return new Phase(work, wall, latencies, failures, spent);
        } finally {
            pool.shutdownNow();
        }
    }

    static HttpResponse<String> send(HttpClient http, String method, String url, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file sent as a form's part {@code file}, as a page's upload sends it. */
    static HttpResponse<String> sendMultipart(HttpClient http, String url, String user, String fileName, String contentType,
                                              byte[] content) throws Exception {
        String boundary = "expoflow-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.request().uri() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** One side of the A/B. */
    interface Side {
        String name();

        String mainClass();

        List<String> arguments(String database);

        boolean ready(HttpClient http, String base);

        default void prepare(HttpClient http, String base) throws Exception {
        }

        /** What the side reports after its rounds, or an empty string. */
        default String afterRounds(HttpClient http, String base) throws Exception {
            return "";
        }

        Round round(HttpClient http, String base, String label, int processes, int clients, CpuMeter cpu) throws Exception;
    }

    /**
     * Camunda alone: a start per process, then the first step completed through the engine's REST API. Open, as the
     * starter makes it, or secured ({@link PlainCamundaApplication.SecuredEngine}): every request then signs in as
     * its user, and the engine checks its authorizations.
     */
    static final class PlainSide implements Side {

        private final boolean secured;

        private PlainSide(boolean secured) {
            this.secured = secured;
        }

        static PlainSide open() {
            return new PlainSide(false);
        }

        static PlainSide secured() {
            return new PlainSide(true);
        }

        @Override
        public String name() {
            return secured ? "secured" : "plain";
        }

        String description() {
            return secured ? "plain engine secured (HTTP Basic, authorization checks on)" : "plain engine, open";
        }

        /** Who the side's requests sign in as: nobody on the open engine. */
        private String user() {
            return secured ? PlainCamundaApplication.SecuredEngine.USER : null;
        }

        @Override
        public String mainClass() {
            return PlainCamundaApplication.class.getName();
        }

        @Override
        public List<String> arguments(String database) {
            List<String> arguments = new ArrayList<>(List.of("--plain.secured=" + secured));
            if (database.equals("h2")) {
                arguments.add("--spring.datasource.url=jdbc:h2:mem:" + name() + ";DB_CLOSE_DELAY=-1");
            }
            return arguments;
        }

        @Override
        public boolean ready(HttpClient http, String base) {
            try {
                return send(http, "GET", base + "/engine-rest/process-definition/key/invite-buyers", user(), null).statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        }

        @Override
        public Round round(HttpClient http, String base, String label, int processes, int clients, CpuMeter cpu)
                throws Exception {
            List<Callable<HttpResponse<String>>> starts = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                String unit = UNITS.get(i % UNITS.size());
                String directive = label + "-" + (i / UNITS.size());
                String body = JSON.writeValueAsString(Map.of("businessKey", directive + ":" + unit, "variables", Map.of(
                        "expoId", Map.of("value", "osaka", "type", "String"), "directiveId", Map.of("value", directive, "type", "String"),
                        "unitId", Map.of("value", unit, "type", "String"),
                        "dueAt", Map.of("value", "2030-02-01T15:59:59Z", "type", "String"))));
                starts.add(() -> send(http, "POST", base + "/engine-rest/process-definition/key/invite-buyers/start", user(), body));
            }
            Phase started = phase(processes, starts, clients, cpu);
            JsonNode tasks = json(send(http, "GET", base + "/engine-rest/task?taskDefinitionKey=draftInvitationList"
                    + "&processInstanceBusinessKeyLike=" + label + "-%25&maxResults=100000", user(), null));
            String body = "{\"variables\":{\"invitationList\":{\"value\":\"Osaka buyers\",\"type\":\"String\"}}}";
            List<Callable<HttpResponse<String>>> completions = new ArrayList<>();
            tasks.forEach(task -> completions.add(() -> send(http, "POST",
                    base + "/engine-rest/task/" + task.path("id").asText() + "/complete", user(), body)));
            return new Round(started, phase(completions.size(), completions, clients, cpu));
        }
    }

    /** ExpoFlow: directives to the 15 demo units, then each unit's clerk completes its first step through our API. */
    static final class ExpoFlowSide implements Side {
        static final String NAME = "ExpoFlow";

        private String expoId;

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String mainClass() {
            return "org.expoflow.workflow.ExpoFlowApplication";
        }

        @Override
        public List<String> arguments(String database) {
            return List.of("--spring.profiles.active=" + (database.equals("h2") ? "demo" : "postgres,demo"));
        }

        @Override
        public boolean ready(HttpClient http, String base) {
            try {
                // ready once the demo data is in: the Osaka exhibition with its 15 units
                HttpResponse<String> expos = send(http, "GET", base + "/api/expos", "coordinator", null);
                return expos.statusCode() == 200 && JSON.readTree(expos.body()).path("expos").size() > 0;
            } catch (Exception notYet) {
                return false;
            }
        }

        @Override
        public void prepare(HttpClient http, String base) throws Exception {
            expoId = json(send(http, "GET", base + "/api/expos", "coordinator", null)).path("expos").get(0).path("id").asText();
        }

        /** Rebuilds the read models from every event the rounds stored, and times it. */
        @Override
        public String afterRounds(HttpClient http, String base) throws Exception {
            long start = System.nanoTime();
            JsonNode progress = json(send(http, "POST", base + "/api/admin/projections/read-models/rebuild?wait=true", "admin",
                    null)).get(0);
            long head = progress.path("head").asLong();
            if (progress.path("replaying").asBoolean() || progress.path("position").asLong() < head) {
                throw new IllegalStateException("the rebuild answered before it had caught up: " + progress);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return String.format(Locale.ROOT, "read-model rebuild: %d events in %.1f s, %.0f events/s", head + 1, seconds,
                    (head + 1) / seconds);
        }

        @Override
        public Round round(HttpClient http, String base, String label, int processes, int clients, CpuMeter cpu)
                throws Exception {
            int directives = (processes + UNITS.size() - 1) / UNITS.size();
            List<String> directiveIds = Collections.synchronizedList(new ArrayList<>());
            List<Callable<HttpResponse<String>>> issues = new ArrayList<>();
            for (int d = 0; d < directives; d++) {
                List<String> units = UNITS.subList(0, Math.min(UNITS.size(), processes - d * UNITS.size()));
                String body = JSON.writeValueAsString(Map.of("expoId", expoId, "kind", "invite-buyers",
                        "title", "Invite buyers " + label + "-" + d, "dueOn", "2030-02-01", "unitIds", units));
                issues.add(() -> {
                    HttpResponse<String> response = send(http, "POST", base + "/api/directives", "coordinator", body);
                    if (response.statusCode() == 201) {
                        directiveIds.add(JSON.readTree(response.body()).path("id").asText());
                    }
                    return response;
                });
            }
            Phase started = phase(processes, issues, clients, cpu);
            String body = "{\"values\":{\"invitationList\":\"Osaka buyers\"}}";
            List<Callable<HttpResponse<String>>> completions = new ArrayList<>();
            for (String directiveId : directiveIds) {
                JsonNode items = json(send(http, "GET", base + "/api/tasks?directiveId=" + directiveId + "&status=ACTIVE&size=100",
                        "coordinator", null)).path("items");
                items.forEach(task -> {
                    if (task.path("stepKey").asText().equals("draftInvitationList")) {
                        String user = task.path("unitId").asText();
                        completions.add(() -> send(http, "POST", base + "/api/tasks/" + task.path("id").asText() + "/complete",
                                user, body));
                    }
                });
            }
            return new Round(started, phase(completions.size(), completions, clients, cpu));
        }
    }
}
