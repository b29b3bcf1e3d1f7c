package org.expoflow.benchmark;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A province's busiest morning on one node: ExpoFlow on PostgreSQL, seeded at a province's scale
 * ({@link ProvinceScale}'s history), and then, for {@code --minutes}, the people of a morning at once, each with
 * think time between actions:
 * <ul>
 *   <li>clerks ({@code --clerks}, spread over the 15 cities), each acting about every {@code --think} seconds: their
 *       list page, a step's page, progress on a step, a photo attached, a completion;</li>
 *   <li>the office ({@code --office} coordinators): the console, the overdue list, the expo's open steps, a review decided
 *       (or five at once), a chase-up;</li>
 *   <li>leaders ({@code --leaders}): the board page, a city's page, the whole board and a meeting's brief.</li>
 * </ul>
 * Pages are asked as a browser asks them, signed in through the sign-in form with a session each; the writes go
 * through the REST API as the pages' forms do. Halfway through, an administrator starts a rebuild of the read models.
 * It reports p50/p95/p99 per kind of request before, during and after the rebuild, the errors, the heap and the
 * processor time of the node and its database.
 * <p>
 * Run it with {@code ./mvnw -pl workflow -am -Pmorning -DskipTests verify}, choosing with
 * {@code -Dmorning.args="--minutes=10 --clerks=300 --directives=950"}.
 */
public final class ProvinceMorning {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = "expoflow_morning";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    /** The title the morning's own directives begin with: their steps run in the engine. */
    private static final String MORNING_TITLE = "早间任务";
    /** What a clerk enters to complete each of a unit's steps of "invite buyers": a figure (家) as a figure, not a value. */
    private static final Map<String, String> STEP_VALUES = Map.of("draftInvitationList", "\"values\":{\"invitationList\":\"早间名单\"}",
            "sendInvitations", "\"figures\":{\"buyersInvited\":30}", "confirmBuyers", "\"figures\":{\"buyersConfirmed\":20}",
            "acknowledgeChaseUp", "\"values\":{\"reply\":\"已收到，本周内报送\"}");
    /** The office's review of "invite buyers": the step its reviews decide (its other steps are the 督办 it writes). */
    private static final String REVIEW_STEP = "reviewInvitations";
    /** Every fifth directive of the morning falls due as the warm-up ends: the office chases its steps up. */
    private static final int FALLING_DUE_EVERY = 5;
    /** A photo of one pixel, as a clerk's phone would send a bigger one. */
    private static final byte[] ONE_PIXEL_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** When a request was answered, relative to the rebuild. */
    enum Phase { WARMUP, BEFORE, DURING, AFTER }

    /** {@code reseed}: false keeps the database an earlier run seeded (and the directives its morning added), for a profile. */
    record Options(int minutes, int warmupMinutes, int clerks, int office, int leaders, int thinkSeconds, int directives,
                   boolean reseed, String postgresUrl, String postgresUser, String postgresPassword) {

        static Options parse(String[] args) {
            Map<String, String> given = new java.util.LinkedHashMap<>();
            for (String part : String.join(" ", args).trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (!part.startsWith("--") || !part.contains("=")) {
                    throw new IllegalArgumentException("arguments are --name=value, not '" + part + "'");
                }
                given.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
            }
            List<String> known = List.of("minutes", "warmup", "clerks", "office", "leaders", "think", "directives", "reseed",
                    "postgres-url", "postgres-user", "postgres-password");
            given.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("unknown argument --" + name + "; known: " + known);
            });
            return new Options(number(given, "minutes", 10, 1), number(given, "warmup", 2, 0), number(given, "clerks", 300, 1), number(given, "office", 5, 1),
                    number(given, "leaders", 10, 1), number(given, "think", 60, 1), number(given, "directives", 950, 0),
                    yesOrNo(given, "reseed", true),
                    given.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/"),
                    given.getOrDefault("postgres-user", "postgres"), given.getOrDefault("postgres-password", ""));
        }

        private static boolean yesOrNo(Map<String, String> given, String name, boolean otherwise) {
            String value = given.getOrDefault(name, String.valueOf(otherwise));
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("--" + name + " is true or false, not '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }

        private static int number(Map<String, String> given, String name, int otherwise, int least) {
            String value = given.get(name);
            if (value == null) {
                return otherwise;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < least || number > 100_000) {
                    throw new IllegalArgumentException("--" + name + " is a whole number from " + least + " to 100000, not " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is a whole number from " + least + " to 100000, not '" + value + "'");
            }
        }
    }

    /** What was measured: each answer's latency by phase and kind of request, and what failed. */
    static final class Tally {
        private final ConcurrentMap<String, List<Long>> latencies = new ConcurrentHashMap<>();
        private final ConcurrentMap<String, List<String>> failures = new ConcurrentHashMap<>();
        /** Answers of 4xx that are no failure of the node: two clerks completing one step, the second is told 409. */
        private final ConcurrentMap<String, List<String>> refusals = new ConcurrentHashMap<>();

        void answered(Phase phase, String kind, long nanos, int status, String what) {
            answered(phase, kind, nanos, status, status >= 500 || status == 0, what);
        }

        /** {@code failed}: the node failed the person (a 5xx, no answer, or a page of their own refused or lost). */
        void answered(Phase phase, String kind, long nanos, int status, boolean failed, String what) {
            String key = phase + "|" + kind;
            if (phase == Phase.WARMUP) {
                if (failed) {
                    failures.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(status + " " + what);
                }
                return;
            }
            latencies.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
            if (!failed && status >= 400) {
                refusals.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(status + " " + what);
            }
            if (failed) {
                failures.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(status + " " + what);
            }
        }

        List<String> table() {
            List<String> rows = new ArrayList<>();
            rows.add("| phase | request | answered | p50 ms | p95 ms | p99 ms | errors | refused (4xx) |");
            rows.add("|---|---|---|---|---|---|---|---|");
            latencies.keySet().stream().sorted().forEach(key -> {
                List<Long> sorted = new ArrayList<>(latencies.get(key));
                Collections.sort(sorted);
                String[] phaseAndKind = key.split("\\|");
                rows.add(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.0f | %d | %d |", phaseAndKind[0].toLowerCase(Locale.ROOT),
                        phaseAndKind[1], sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                        failures.getOrDefault(key, List.of()).size(), refusals.getOrDefault(key, List.of()).size()));
            });
            return rows;
        }

        List<String> someFailures() {
            return failures.values().stream().flatMap(List::stream).limit(10).toList();
        }

        /** One refusal of each kind of request, for what the refusals were. */
        List<String> someRefusals() {
            return refusals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey().replace('|', ' ') + ": " + entry.getValue().get(0)).toList();
        }

        private static double percentile(List<Long> sorted, double p) {
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    /** One person of the morning: who signs in, and a session once signed in to the pages. */
    record Person(String user, String unit, AtomicReference<String> session) {
        Person(String user, String unit) {
            this(user, unit, new AtomicReference<>());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println("morning: " + bad.getMessage());
            System.exit(2);
            return;
        }
        String jdbcUrl = seed(options);
        List<String> report = new ArrayList<>(List.of("# A province's morning on one node", "", WritePathBenchmark.machine(), "",
                String.format(Locale.ROOT, "%d minutes after %d of warm-up (not counted); %d clerks over 15 cities acting about every %d s, %d of the office,"
                        + " %d leaders; a province's history of %d directives per expo; a rebuild started halfway.", options.minutes(),
                        options.warmupMinutes(), options.clerks(), options.thinkSeconds(), options.office(), options.leaders(), options.directives()), ""));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("province-morning", ".log");
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.expoflow.workflow.ExpoFlowApplication",
                "--server.port=" + port, "--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + options.postgresUser(), "--spring.datasource.password=" + options.postgresPassword(),
                "--logging.level.root=WARN").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        System.out.println("ExpoFlow starting with a 512 MB heap (log: " + log + ")");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        try {
            WritePathBenchmark.awaitStarted("ExpoFlow", node, log, Duration.ofMinutes(5), () -> {
                HttpResponse<String> expos = WritePathBenchmark.send(http, "GET", base + "/api/expos", "coordinator", null);
                return expos.statusCode() == 200 && WritePathBenchmark.json(expos).path("expos").size() > 0;
            });
            rebuild(http, base);
            Morning morning = new Morning(http, base, options);
            morning.prepare();
            CpuMeter cpu = new CpuMeter(node.toHandle(), WritePathBenchmark.Options.parse(new String[] {
                    "--postgres-url=" + options.postgresUrl(), "--postgres-user=" + options.postgresUser(),
                    "--postgres-password=" + options.postgresPassword()}), DATABASE);
            CpuMeter.Reading before = cpu.read();
            morning.run();
            CpuMeter.Spent spent = cpu.read().since(before);
            report.addAll(morning.tally.table());
            report.add("");
            report.add(String.format(Locale.ROOT, "Rebuild: started at %s into the morning, caught up after %.1f s.",
                    morning.rebuildStartedAfter, morning.rebuildSeconds));
            report.add(String.format(Locale.ROOT, "Heap used: %.0f MB at most of the samples (of at most 512); processor time:"
                    + " node %.0f s, database %.0f s over %d minutes and the warm-up.", morning.heapMaxMegabytes,
                    spent.jvmNanos() / 1e9, spent.databaseNanos() / 1e9, options.minutes()));
            morning.tally.someFailures().forEach(failure -> report.add("- failed: " + failure));
            morning.tally.someRefusals().forEach(refusal -> report.add("- refused: " + refusal));
        } finally {
            node.destroy();
            node.waitFor();
        }
        ProvinceScale.printAndWrite(report, "province-morning.md");
    }

    /** A fresh database holding a province's history, as {@link ProvinceScale} writes it; or the last run's, not reseeded. */
    private static String seed(Options options) throws Exception {
        if (!options.reseed()) {
            return options.postgresUrl() + DATABASE;
        }
        try (Connection admin = DriverManager.getConnection(options.postgresUrl() + "postgres", options.postgresUser(),
                options.postgresPassword()); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
        String jdbcUrl = options.postgresUrl() + DATABASE;
        Flyway.configure().dataSource(jdbcUrl, options.postgresUser(), options.postgresPassword()).baselineOnMigrate(true)
                .baselineVersion("0").locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        if (options.directives() > 0) {
            List<ProvinceScale.Seeded> history = ProvinceScale.history(Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    options.directives(), new ArrayList<>());
            ProvinceScale.store(jdbcUrl + "?reWriteBatchedInserts=true", options.postgresUser(), options.postgresPassword(), history);
            ProvinceScale.vacuum(jdbcUrl, options.postgresUser(), options.postgresPassword());
        }
        return jdbcUrl;
    }

    /** Rebuilds the read models and waits until they have caught up; answers how long it took, in seconds. */
    private static double rebuild(HttpClient http, String base) throws Exception {
        long start = System.nanoTime();
        // started, then watched as an administrator watches it: a province's rebuild outlasts any one request's patience
        WritePathBenchmark.json(WritePathBenchmark.send(http, "POST", base + "/api/admin/projections/read-models/rebuild",
                "admin", null));
        JsonNode done = Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> WritePathBenchmark.json(WritePathBenchmark.send(http, "GET", base + "/api/admin/projections/read-models",
                        "admin", null)), progress -> !progress.path("replaying").asBoolean());
        if (!done.path("failure").isNull() && !done.path("failure").isMissingNode()) {
            throw new IllegalStateException("the rebuild failed: " + done.path("failure").asText());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The people of the morning at work, and what they were answered. */
    private static final class Morning {
        private final HttpClient http;
        private final String base;
        private final Options options;
        private final Tally tally = new Tally();
        private final Random random = new Random(20261207);
        private final List<Person> clerks = new ArrayList<>();
        private final List<Person> office = new ArrayList<>();
        private final List<Person> leaders = new ArrayList<>();
        private volatile Phase phase = Phase.BEFORE;
        private volatile double heapMaxMegabytes;
        private Duration rebuildStartedAfter = Duration.ZERO;
        private double rebuildSeconds;
        private String expoId;
        private String meetingId;

        Morning(HttpClient http, String base, Options options) {
            this.http = http;
            this.base = base;
            this.options = options;
        }

        /** Directives of the morning, one step per clerk or so, and a meeting whose brief leaders open. */
        void prepare() throws Exception {
            expoId = WritePathBenchmark.json(WritePathBenchmark.send(http, "GET", base + "/api/expos", "coordinator", null))
                    .path("expos").get(0).path("id").asText();
            int directives = Math.max(1, options.clerks() / WritePathBenchmark.UNITS.size());
            // the seeded history's overdue steps are events only, which the engine does not run: a 督办 needs the engine's
            Instant fallingDue = Instant.now().plus(Duration.ofMinutes(Math.max(1, options.warmupMinutes())));
            for (int d = 0; d < directives; d++) {
                Map<String, Object> directive = new java.util.HashMap<>(Map.of("expoId", expoId, "kind", "invite-buyers",
                        "title", MORNING_TITLE + " " + d, "unitIds", WritePathBenchmark.UNITS, "duplicateTitle", true));
                if (d % FALLING_DUE_EVERY == 0) {
                    directive.put("dueAt", fallingDue.toString());
                } else {
                    directive.put("dueOn", "2030-02-01");
                }
                WritePathBenchmark.json(WritePathBenchmark.send(http, "POST", base + "/api/directives", "coordinator",
                        JSON.writeValueAsString(directive)));
            }
            HttpResponse<String> meeting = WritePathBenchmark.send(http, "POST", base + "/api/meetings", "coordinator",
                    JSON.writeValueAsString(Map.of("expoId", expoId, "title", "调度会", "heldAt", Instant.now().toString())));
            meetingId = meeting.statusCode() < 300 ? JSON.readTree(meeting.body()).path("id").asText() : null;
            for (int c = 0; c < options.clerks(); c++) {
                String unit = WritePathBenchmark.UNITS.get(c % WritePathBenchmark.UNITS.size());
                clerks.add(new Person(unit, unit));
            }
            for (int o = 0; o < options.office(); o++) {
                office.add(new Person("coordinator", null));
            }
            for (int l = 0; l < options.leaders(); l++) {
                leaders.add(new Person("leader", null));
            }
        }

        void run() throws Exception {
            ScheduledExecutorService people = Executors.newScheduledThreadPool(32);
            long thinkMillis = options.thinkSeconds() * 1000L;
            clerks.forEach(clerk -> act(people, () -> clerkActs(clerk), thinkMillis));
            office.forEach(person -> act(people, () -> officeActs(person), Math.max(1000, thinkMillis / 6)));
            leaders.forEach(leader -> act(people, () -> leaderActs(leader), Math.max(1000, thinkMillis / 2)));
            people.scheduleAtFixedRate(this::sampleHeap, 0, 10, TimeUnit.SECONDS);
            // the morning's clock: a node in service has served its morning's first requests long since (the JIT's first
            // minutes, the warm-up, are not the morning); half the morning; the rebuild; as long after it as before it,
            // however long the rebuild took, so that the morning's end is measured too
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            CompletableFuture<Void> over = new CompletableFuture<>();
            long warmup = Duration.ofMinutes(options.warmupMinutes()).toMillis();
            Duration length = Duration.ofMinutes(options.minutes());
            phase = Phase.WARMUP;
            clock.schedule(() -> phase = Phase.BEFORE, warmup, TimeUnit.MILLISECONDS);
            clock.schedule(() -> {
                try {
                    rebuildStartedAfter = length.dividedBy(2);
                    phase = Phase.DURING;
                    rebuildSeconds = rebuild(http, base);
                    phase = Phase.AFTER;
                    clock.schedule(() -> over.complete(null), length.toMillis() / 2, TimeUnit.MILLISECONDS);
                } catch (Exception failed) {
                    over.completeExceptionally(failed);
                }
            }, warmup + length.toMillis() / 2, TimeUnit.MILLISECONDS);
            try {
                over.join();
            } finally {
                clock.shutdownNow();
                people.shutdownNow();
                people.awaitTermination(1, TimeUnit.MINUTES);
            }
        }

        /** A person acting again and again, a random think time (exponential, about {@code thinkMillis}) apart. */
        private void act(ScheduledExecutorService people, ThrowingAction action, long thinkMillis) {
            long delay = (long) (-Math.log(1 - random.nextDouble()) * thinkMillis);
            people.schedule(() -> {
                try {
                    action.run();
                } catch (Exception failed) {
                    if (!people.isShutdown()) { // a request cut short by the morning's end is no failure of the node
                        tally.answered(phase, "client", 0, 0, String.valueOf(failed));
                    }
                }
                if (!people.isShutdown()) {
                    act(people, action, thinkMillis);
                }
            }, delay, TimeUnit.MILLISECONDS);
        }

        private void clerkActs(Person clerk) throws Exception {
            // the newest first: the morning's own steps, which the engine runs (the seeded history is events only)
            JsonNode open = WritePathBenchmark.json(timedApi("clerk: open steps (API)", "GET",
                    "/api/tasks?status=ACTIVE&size=50&sort=-assignedAt", clerk.user(), null));
            page(clerk, "clerk: list page", "/tasks");
            List<JsonNode> morningSteps = new ArrayList<>();
            open.path("items").forEach(item -> {
                // the list shows the office's 督办 of the unit's overdue steps too: those are the office's to do
                if (item.path("directiveTitle").asText().startsWith(MORNING_TITLE)
                        && item.path("candidateGroup").asText().equals(clerk.unit())) {
                    morningSteps.add(item);
                }
            });
            if (morningSteps.isEmpty()) {
                return;
            }
            JsonNode step = morningSteps.get(random.nextInt(morningSteps.size()));
            String taskId = step.path("id").asText();
            page(clerk, "clerk: step page", "/tasks/" + taskId);
            double choice = random.nextDouble();
            if (choice < 0.3) {
                timedApi("clerk: progress", "POST", "/api/tasks/" + taskId + "/progress", clerk.user(),
                        "{\"percent\":" + (10 + random.nextInt(80)) + ",\"note\":\"进展顺利\"}");
            } else if (choice < 0.4) {
                timed("clerk: attachment", () -> WritePathBenchmark.sendMultipart(http, base + "/api/tasks/" + taskId + "/attachments",
                        clerk.user(), "现场照片.png", "image/png", ONE_PIXEL_PNG));
            } else if (choice < 0.55 && STEP_VALUES.containsKey(step.path("stepKey").asText())) {
                // each of a unit's three steps done in turn brings its directive to the office's review
                timedApi("clerk: completion", "POST", "/api/tasks/" + taskId + "/complete", clerk.user(),
                        "{" + STEP_VALUES.get(step.path("stepKey").asText()) + "}");
            }
        }

        private void officeActs(Person person) throws Exception {
            page(person, "office: console page", "/console");
            JsonNode overdue = WritePathBenchmark.json(timedApi("office: overdue list", "GET", "/api/expos/" + expoId + "/overdue",
                    person.user(), null)).path("items");
            JsonNode reviews = WritePathBenchmark.json(timedApi("office: expo's open steps", "GET",
                    "/api/tasks?expoId=" + expoId + "&status=ACTIVE&size=50&sort=-assignedAt", person.user(), null)).path("items");
            double choice = random.nextDouble();
            if (choice < 0.1) {
                for (JsonNode item : overdue) {
                    if (!item.path("chasedUp").asBoolean() && item.path("directiveTitle").asText().startsWith(MORNING_TITLE)) {
                        timedApi("office: chase-up", "POST", "/api/tasks/" + item.path("taskId").asText() + "/chase-up", person.user(),
                                "{\"message\":\"请于本周内报送进展\",\"grade\":\"SUPERVISE\"}");
                        return;
                    }
                }
                return;
            }
            List<String> toReview = new ArrayList<>();
            reviews.forEach(step -> {
                if (step.path("stepKey").asText().equals(REVIEW_STEP)) {
                    toReview.add(step.path("id").asText());
                }
            });
            if (toReview.isEmpty()) {
                return;
            }
            if (choice < 0.2) {
                timedApi("office: bulk approval", "POST", "/api/tasks/bulk", person.user(), JSON.writeValueAsString(Map.of(
                        "action", "APPROVE", "taskIds", toReview.subList(0, Math.min(5, toReview.size())), "comment", "同意")));
                return;
            }
            timedApi("office: review decided", "POST", "/api/tasks/" + toReview.get(0) + "/complete", person.user(),
                    "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}");
        }

        private void leaderActs(Person leader) throws Exception {
            page(leader, "leader: board page", "/board");
            String unit = WritePathBenchmark.UNITS.get(random.nextInt(WritePathBenchmark.UNITS.size()));
            page(leader, "leader: city page", "/units/" + unit + "?expoId=" + expoId);
            if (random.nextDouble() < 0.2) {
                timedApi("leader: whole board (API)", "GET", "/api/expos/" + expoId + "/board", leader.user(), null);
            }
            if (meetingId != null && random.nextDouble() < 0.1) {
                timedApi("leader: brief (PDF)", "GET", "/api/meetings/" + meetingId + "/brief?format=pdf", leader.user(), null);
            }
        }

        private HttpResponse<String> timedApi(String kind, String method, String path, String user, String body) throws Exception {
            return timed(kind, () -> WritePathBenchmark.send(http, method, base + path, user, body));
        }

        private HttpResponse<String> timed(String kind, RequestSent request) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = request.send();
            tally.answered(phase, kind, System.nanoTime() - start, response.statusCode(),
                    response.request().uri().getPath() + " " + abbreviated(response.body()));
            return response;
        }

        /** A page as a browser asks it, in the person's session, signing in through the form first when there is none. */
        private void page(Person person, String kind, String path) throws Exception {
            if (person.session().get() == null) {
                signIn(person);
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Cookie", "JSESSIONID=" + person.session().get()).header("Accept-Language", "zh-CN").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean signedOut = response.statusCode() == 302;
            // a page that sends its reader to the sign-in form lost the session, and a page of one's own list must open:
            // both counted as failures
            tally.answered(phase, kind, System.nanoTime() - start, response.statusCode(), signedOut || response.statusCode() >= 400,
                    path);
            if (signedOut) {
                person.session().set(null);
            }
        }

        private void signIn(Person person) throws Exception {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(form.body());
            String session = form.headers().firstValue("Set-Cookie").map(SESSION::matcher).filter(Matcher::find)
                    .map(found -> found.group(1)).orElse(null);
            String fields = "username=" + URLEncoder.encode(person.user(), StandardCharsets.UTF_8) + "&password=demo"
                    + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(fields));
            if (session != null) {
                post.header("Cookie", "JSESSIONID=" + session);
            }
            HttpResponse<String> signedIn = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
            String newSession = signedIn.headers().firstValue("Set-Cookie").map(SESSION::matcher).filter(Matcher::find)
                    .map(found -> found.group(1)).orElse(session);
            if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException(person.user() + " could not sign in: " + signedIn.statusCode());
            }
            person.session().set(newSession);
        }

        private void sampleHeap() {
            try {
                heapMaxMegabytes = Math.max(heapMaxMegabytes, ProvinceScale.heapMegabytes(http, base));
            } catch (Exception unavailable) {
                // a sample missed during a slow moment is no finding
            }
        }

        private static String abbreviated(String body) {
            return body == null ? "" : body.substring(0, Math.min(160, body.length()));
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }

    private interface RequestSent {
        HttpResponse<String> send() throws Exception;
    }
}
