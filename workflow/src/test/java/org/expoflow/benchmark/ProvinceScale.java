package org.expoflow.benchmark;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.axonframework.common.DateTimeUtils;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskClaimed;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.TaskDueSoon;
import org.expoflow.commands.api.task.TaskOverdue;
import org.expoflow.commands.api.expo.UnitEnrolled;
import org.expoflow.commands.api.directive.UnitFinishedDirective;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.workflow.config.AxonSetup;
import org.flywaydb.core.Flyway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A province's expos at full scale, for the read side: writes a realistic history straight into a fresh
 * PostgreSQL event store (batched JDBC, the events ExpoFlow itself stores, serialised as it does), then
 * starts ExpoFlow on it with a 512 MB heap, rebuilds the read models from it and times that, and asks
 * the board, figures, statistics, an earlier board ({@code asOf}) and task lists, reporting their
 * latency percentiles and the heap.
 * <p>
 * The history: 3 expos, 15 cities each, directives issued over half a year (every city gets each), each
 * city working its steps (claimed, two progress reports with figures, completed) and the office reviewing
 * them; steps still open are due soon or overdue as their deadlines say; the latest directives are still
 * under way. Run it with {@code ./mvnw -pl workflow -am -Pprovince -DskipTests verify}, choosing with
 * {@code -Dprovince.args="--directives=950 --postgres-url=jdbc:postgresql://127.0.0.1:5432/ --postgres-user=postgres"}
 * (about 1,100 events per directive across its 15 cities, so 950 directives per expo make a million).
 */
public final class ProvinceScale {

    private static final ObjectMapper STORED = AxonSetup.storedMessageMapper();
    private static final int EXPOS = 3;
    private static final List<String> STEPS = List.of("draftInvitationList", "sendInvitations", "followUpBuyers", "confirmBuyers");
    private static final Duration PREPARATION = Duration.ofDays(180);

    /** One stored event before it is stored: when, whose, which of its aggregate's events, and who acted. */
    record Seeded(Instant at, String aggregateType, String aggregateId, long sequence, Object payload, String actor) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.isEmpty()) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': use --directives=N --queries=N"
                        + " --postgres-url=... --postgres-user=... --postgres-password=... --database=...");
            }
        }
        int directives = Integer.parseInt(given.getOrDefault("directives", "950"));
        int queries = Integer.parseInt(given.getOrDefault("queries", "40"));
        String url = given.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
        String user = given.getOrDefault("postgres-user", "postgres");
        String password = given.getOrDefault("postgres-password", "");
        // the database it drops and fills: one of its own per engineer when several measure at once
        String database = given.getOrDefault("database", "expoflow_province");
        List<String> report = new ArrayList<>();
        report.add("# Province scale: the read side on a large event store");
        report.add("");
        report.add(WritePathBenchmark.machine());
        report.add("");

        try (Connection admin = DriverManager.getConnection(url + "postgres", user, password); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        }
        String jdbcUrl = url + database;
        Flyway.configure().dataSource(jdbcUrl, user, password).baselineOnMigrate(true).baselineVersion("0")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> expoIds = new ArrayList<>();
        List<Seeded> history = history(now, directives, expoIds);
        long seedStart = System.nanoTime();
        store(jdbcUrl + "?reWriteBatchedInserts=true", user, password, history);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        report.add(String.format(Locale.ROOT, "Seeded %,d events (%d expos, 15 cities, %d directives each) in %.1f s, %,.0f events/s.",
                history.size(), EXPOS, directives, seedSeconds, history.size() / seedSeconds));
        history = null;
        report.add(String.format(Locale.ROOT, "Vacuumed and analysed, as a store in service is, in %.1f s.",
                vacuum(jdbcUrl, user, password)));

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("province-scale", ".log");
        Process expoflow = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.expoflow.workflow.ExpoFlowApplication",
                "--server.port=" + port, "--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--logging.level.root=WARN").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        System.out.println("ExpoFlow starting with a 512 MB heap (log: " + log + ")");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            // ready once the demo data is in (its runner asks the read models, so no rebuild may start before)
            WritePathBenchmark.awaitStarted("ExpoFlow", expoflow, log, Duration.ofMinutes(5), () -> {
                HttpResponse<String> expos = WritePathBenchmark.send(http, "GET", base + "/api/expos", "coordinator", null);
                return expos.statusCode() == 200 && WritePathBenchmark.json(expos).path("expos").size() > 0;
            });

            long rebuildStart = System.nanoTime();
            WritePathBenchmark.json(WritePathBenchmark.send(http, "POST", base + "/api/admin/projections/read-models/rebuild",
                    "admin", null));
            JsonNode progress = await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> WritePathBenchmark.json(WritePathBenchmark.send(http, "GET", base + "/api/admin/projections",
                            "admin", null)).get(0), rebuilt -> !rebuilt.path("replaying").asBoolean()
                            && rebuilt.path("position").asLong() >= rebuilt.path("head").asLong());
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            long events = progress.path("head").asLong() + 1;
            report.add(String.format(Locale.ROOT, "Read models rebuilt from %,d events in %.1f s, %,.0f events/s.", events,
                    rebuildSeconds, events / rebuildSeconds));
            report.add(String.format(Locale.ROOT, "Heap used after the rebuild: %.0f MB (of at most 512).", heapMegabytes(http, base)));
            report.add("");
            report.add("| query | requests | p50 ms | p95 ms | max ms | failed |");
            report.add("|---|---|---|---|---|---|");
            String earlier = now.minus(Duration.ofDays(60)).toString();
            Map<String, String[]> asked = new LinkedHashMap<>();
            asked.put("board", new String[] {"leader", "/api/expos/%s/board"});
            asked.put("board as of 60 days ago", new String[] {"leader", "/api/expos/%s/board?asOf=" + earlier});
            // what the board page shows: the newest page of 20 directives, and the next older page
            asked.put("board, newest page of 20 directives", new String[] {"leader", "/api/expos/%s/board?page=0&size=20"});
            asked.put("board, second page of 20", new String[] {"leader", "/api/expos/%s/board?page=1&size=20"});
            asked.put("board page as of 60 days ago", new String[] {"leader", "/api/expos/%s/board?page=0&size=20&asOf=" + earlier});
            asked.put("figures", new String[] {"leader", "/api/expos/%s/figures"});
            // the board page shows the trend beside the board's page and the figures
            asked.put("trend", new String[] {"leader", "/api/expos/%s/trend"});
            asked.put("statistics", new String[] {"leader", "/api/expos/%s/statistics"});
            asked.put("overdue list", new String[] {"coordinator", "/api/expos/%s/overdue"});
            asked.put("expo's open tasks, first page", new String[] {"coordinator", "/api/tasks?expoId=%s&status=ACTIVE&size=50"});
            asked.put("a city's open tasks", new String[] {"shenyang", "/api/tasks?status=ACTIVE&size=50"});
            // a coordination meeting's brief, as the leader downloads it: every directive of the expo as of the meeting
            Map<String, String> meetingOf = new LinkedHashMap<>();
            for (String expoId : expoIds) {
                meetingOf.put(expoId, WritePathBenchmark.json(WritePathBenchmark.send(http, "POST", base + "/api/meetings", "coordinator",
                        "{\"expoId\":\"" + expoId + "\",\"title\":\"调度会\",\"heldAt\":\"" + Instant.now() + "\"}")).path("id").asText());
            }
            asked.put("meeting brief, PDF", new String[] {"leader", "/api/meetings/{meeting}/brief?format=pdf"});
            asked.put("meeting brief, Word", new String[] {"leader", "/api/meetings/{meeting}/brief?format=docx"});
            asked.put("meeting brief, spreadsheet", new String[] {"leader", "/api/meetings/{meeting}/brief?format=xlsx"});
            for (Map.Entry<String, String[]> query : asked.entrySet()) {
                List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
                for (int i = 0; i < queries; i++) {
                    String expoId = expoIds.get(i % expoIds.size());
                    String path = String.format(Locale.ROOT, query.getValue()[1], expoId).replace("{meeting}", meetingOf.get(expoId));
                    requests.add(() -> WritePathBenchmark.send(http, "GET", base + path, query.getValue()[0], null));
                }
                WritePathBenchmark.phase(Math.min(5, queries), requests.subList(0, Math.min(5, queries)), 1); // warm-up
                WritePathBenchmark.Phase measured = WritePathBenchmark.phase(queries, requests, 1);
                report.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %d |", query.getKey(), queries,
                        measured.percentileMillis(0.50), measured.percentileMillis(0.95), measured.percentileMillis(1.0),
                        measured.failures().size()));
                measured.failures().stream().limit(2).forEach(failure -> System.out.println("  failed: " + failure));
            }
            report.add("");
            report.add(String.format(Locale.ROOT, "Heap used after the queries: %.0f MB.", heapMegabytes(http, base)));
            report.add("");
            report.addAll(wholeBoardKeptAgainstSteps(jdbcUrl, user, password, expoIds, queries));
        } finally {
            expoflow.destroy();
            expoflow.waitFor();
        }
        printAndWrite(report, "province-scale.md");
    }

    /** Prints a benchmark's report and writes it to {@code target/benchmark/}. */
    static void printAndWrite(List<String> report, String fileName) throws java.io.IOException {
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Path out = Path.of("target", "benchmark", fileName);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("written to " + out.toAbsolutePath());
    }

    /**
     * The whole board of the present, read in this process on the same database, side by side: from the kept cells (as
     * ExpoFlow reads it) and from every step of the expo (as it was read before the cells were kept), alternately.
     */
    static List<String> wholeBoardKeptAgainstSteps(String jdbcUrl, String user, String password, List<String> expoIds,
                                                   int queries) {
        org.springframework.jdbc.datasource.SingleConnectionDataSource database =
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(jdbcUrl, user, password, true);
        try {
            org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(database);
            java.time.Clock clock = java.time.Clock.systemUTC();
            org.expoflow.projections.catalogue.BoardQueries boards = new org.expoflow.projections.catalogue.BoardQueries(jdbc,
                    new org.expoflow.projections.tasks.ExpoTaskReadings(
                            new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc)),
                    new org.expoflow.projections.tasks.KeptBoardCells(jdbc), clock);
            List<Long> kept = new ArrayList<>();
            List<Long> fromSteps = new ArrayList<>();
            boolean same = true;
            for (int i = -Math.min(5, queries); i < queries; i++) { // the first five warm up
                String expoId = expoIds.get(Math.floorMod(i, expoIds.size()));
                long start = System.nanoTime();
                org.expoflow.projections.api.Board fromCells = boards.board(new org.expoflow.projections.api.FindBoard(expoId, null));
                long middle = System.nanoTime();
                org.expoflow.projections.api.Board counted = boards.boardFromSteps(expoId);
                long end = System.nanoTime();
                same &= fromCells.units().equals(counted.units());
                if (i >= 0) {
                    kept.add(middle - start);
                    fromSteps.add(end - middle);
                }
            }
            WritePathBenchmark.Phase cells = new WritePathBenchmark.Phase(kept.size(), 0, kept, List.of(), null);
            WritePathBenchmark.Phase steps = new WritePathBenchmark.Phase(fromSteps.size(), 0, fromSteps, List.of(), null);
            return List.of("The whole board of the present, read in-process side by side on the same database"
                            + (same ? " (the same cells both ways):" : " (**the two ways disagreed**):"),
                    "",
                    "| whole board, read from | requests | p50 ms | p95 ms | max ms |",
                    "|---|---|---|---|---|",
                    String.format(Locale.ROOT, "| kept cells (board_cell) | %d | %.0f | %.0f | %.0f |", kept.size(),
                            cells.percentileMillis(0.50), cells.percentileMillis(0.95), cells.percentileMillis(1.0)),
                    String.format(Locale.ROOT, "| every step (before) | %d | %.0f | %.0f | %.0f |", fromSteps.size(),
                            steps.percentileMillis(0.50), steps.percentileMillis(0.95), steps.percentileMillis(1.0)));
        } finally {
            database.destroy();
        }
    }

    /** The events of a province's preparation, oldest first. */
    static List<Seeded> history(Instant now, int directivesPerExpo, List<String> expoIds) {
        Random random = new Random(20270329);
        List<Seeded> events = new ArrayList<>();
        Instant start = now.minus(PREPARATION).minus(Duration.ofDays(20));
        for (int e = 0; e < EXPOS; e++) {
            String expoId = UUID.randomUUID().toString();
            expoIds.add(expoId);
            Instant planned = start.plus(Duration.ofDays(e));
            LocalDate opens = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(60 + 30L * e);
            long expoSequence = 0;
            events.add(new Seeded(planned, "Expo", expoId, expoSequence++, new ExpoPlanned(expoId, "Expo " + (e + 1),
                    "Venue " + (e + 1), opens, opens.plusDays(3)), "coordinator"));
            for (String unit : WritePathBenchmark.UNITS) {
                events.add(new Seeded(planned.plusSeconds(60), "Expo", expoId, expoSequence++,
                        new UnitEnrolled(expoId, unit, unit, UnitKind.CITY), "coordinator"));
            }
            for (int d = 0; d < directivesPerExpo; d++) {
                Instant issued = planned.plus(Duration.ofMinutes(PREPARATION.toMinutes() * d / directivesPerExpo)).plusSeconds(120);
                directive(events, random, now, expoId, issued, d);
            }
        }
        events.sort(Comparator.comparing(Seeded::at));
        return events;
    }

    private static void directive(List<Seeded> events, Random random, Instant now, String expoId, Instant issued, int number) {
        String directiveId = UUID.randomUUID().toString();
        Instant dueAt = issued.plus(Duration.ofDays(20 + random.nextInt(20)));
        long directiveSequence = 0;
        events.add(new Seeded(issued, "Directive", directiveId, directiveSequence++, new DirectiveIssued(directiveId, expoId,
                "invite-buyers", "Directive " + (number + 1), "Invite buyers and report", null, dueAt, WritePathBenchmark.UNITS,
                Map.of("buyersInvited", BigDecimal.valueOf(50)), null), "coordinator"));
        for (String unit : WritePathBenchmark.UNITS) {
            // each city has its own pace: a day to two weeks per step
            Duration perStep = Duration.ofHours(24 + random.nextInt(14 * 24));
            Instant at = issued.plusSeconds(1);
            boolean finished = true;
            for (String step : STEPS) {
                at = step(events, random, now, expoId, directiveId, unit, step, unit, dueAt, at, perStep);
                if (at == null) {
                    finished = false;
                    break;
                }
            }
            if (finished) {
                Instant reviewed = step(events, random, now, expoId, directiveId, unit, "reviewInvitations", "coordinator",
                        dueAt, at, Duration.ofHours(20));
                if (reviewed != null) {
                    events.add(new Seeded(reviewed, "Directive", directiveId, directiveSequence++,
                            new UnitFinishedDirective(directiveId, expoId, unit), "engine"));
                }
            }
        }
    }

    /** One step's events from its assignment; when it completed, or null when it is still open now. */
    private static Instant step(List<Seeded> events, Random random, Instant now, String expoId, String directiveId, String unit,
                                String stepKey, String group, Instant dueAt, Instant assigned, Duration takes) {
        String taskId = UUID.randomUUID().toString();
        long[] sequence = {0};
        String clerk = group.equals("coordinator") ? "coordinator" : unit;
        java.util.function.BiConsumer<Instant, Object> happened = (at, payload) ->
                events.add(new Seeded(at, "Task", taskId, sequence[0]++, payload, clerk));
        happened.accept(assigned, new TaskAssigned(taskId, expoId, directiveId, unit, "process-" + directiveId + "-" + unit,
                stepKey, stepKey, group, dueAt, Set.of(), null, false));
        Instant completed = assigned.plus(takes);
        boolean review = group.equals("coordinator");
        List<Map.Entry<Instant, Object>> work = new ArrayList<>();
        work.add(Map.entry(assigned.plus(takes.dividedBy(10)), new TaskClaimed(taskId, directiveId, unit, clerk)));
        if (!review) {
            for (int report = 1; report <= 2; report++) {
                work.add(Map.entry(assigned.plus(takes.multipliedBy(report).dividedBy(3)), new ProgressReported(taskId, directiveId,
                        unit, 30 * report, "report " + report, report == 1 ? "visa delays" : null, null,
                        Map.of("buyersInvited", BigDecimal.valueOf(10L * report + random.nextInt(10))))));
            }
        }
        Instant dueSoonAt = dueAt.minus(Duration.ofDays(3));
        if (dueSoonAt.isAfter(assigned) && dueSoonAt.isBefore(completed)) {
            work.add(Map.entry(dueSoonAt, new TaskDueSoon(taskId, directiveId, unit, dueAt)));
        }
        if (dueAt.isAfter(assigned) && dueAt.isBefore(completed)) {
            work.add(Map.entry(dueAt, new TaskOverdue(taskId, directiveId, unit, dueAt)));
        }
        work.add(Map.entry(completed, review
                ? new TaskCompleted(taskId, directiveId, unit, clerk, Map.of(), Map.of(), ReviewDecision.APPROVE, "approved")
                : new TaskCompleted(taskId, directiveId, unit, clerk, Map.of("invitationList", "the list"),
                        Map.of("buyersInvited", BigDecimal.valueOf(40 + random.nextInt(20))), null, null)));
        work.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Instant, Object> event : work) {
            if (event.getKey().isAfter(now)) {
                return null;
            }
            happened.accept(event.getKey(), event.getValue());
        }
        return completed;
    }

    /** Appends the events as Axon's JDBC storage engine would, in batches. */
    static void store(String url, String user, String password, List<Seeded> events) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Seeded event : events) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, event.aggregateId());
                    insert.setLong(3, event.sequence());
                    insert.setString(4, event.aggregateType());
                    insert.setString(5, DateTimeUtils.formatInstant(event.at()));
                    insert.setString(6, event.payload().getClass().getName());
                    insert.setBytes(7, STORED.writeValueAsBytes(event.payload()));
                    insert.setBytes(8, STORED.writeValueAsBytes(Map.of("actor", event.actor())));
                    insert.addBatch();
                    if (++pending % 5_000 == 0) {
                        insert.executeBatch();
                    }
                    if (pending % 100_000 == 0) {
                        connection.commit();
                        System.out.printf(Locale.ROOT, "  %,d of %,d events stored%n", pending, events.size());
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }

    /**
     * The store as it is in service after the half year its history covers: vacuumed and analysed (autovacuum's
     * work over those months). Read for the first time straight after the bulk load, every row's visibility was
     * still to be settled, and autovacuum ran through the million rows during the rebuild: 78 s for a rebuild that
     * took 48-53 s on the same store after (the same day, the same code).
     */
    static double vacuum(String url, String user, String password) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement vacuum = connection.createStatement()) {
            vacuum.execute("vacuum (analyze) domain_event_entry");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static double heapMegabytes(HttpClient http, String base) throws Exception {
        JsonNode used = WritePathBenchmark.json(WritePathBenchmark.send(http, "GET",
                base + "/actuator/metrics/jvm.memory.used?tag=area:heap", "admin", null));
        return used.path("measurements").get(0).path("value").asDouble() / (1024 * 1024);
    }

    private ProvinceScale() {
    }
}
