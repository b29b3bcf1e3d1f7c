package org.expoflow.workflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hard faults, on a real PostgreSQL and a real process, while clerks complete their steps, each completion sent
 * with an {@code Idempotency-Key} and retried with it until it is answered: the database cut away under load (a TCP
 * proxy between ExpoFlow and PostgreSQL closes every connection and refuses new ones for a while; the shared server
 * itself is never restarted), then ExpoFlow killed with SIGKILL under load and started again.
 * <p>
 * What the clients were told is counted against what is stored: no acknowledged completion is lost, none is
 * recorded twice, no step is completed that its clerk was not told of (unless its request was still unanswered when
 * the clerks stopped), no request is answered 500 or left waiting on its key, every answer comes within seconds,
 * and once the fault is over every retried key is answered at once. Engine, event store and task list agree.
 */
@Tag("postgres")
class CrashAndRestartIT {

    private static final String HOST = "127.0.0.1";
    private static final int POSTGRES_PORT = 5432;
    private static final String DATABASE = "expoflow_faults";
    private static final List<String> CITIES = List.of("shenyang", "dalian", "anshan", "fushun");
    /**
     * Longer than any answer may take: the pool's wait for a connection (3 s) and the work, on a machine many builds
     * share; far shorter than the two minutes a key once waited for a request that had died.
     */
    private static final Duration PROMPT = Duration.ofSeconds(30);
    private static final Duration RETRY_BACK_OFF = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TcpProxy database;
    private Process expoFlow;
    private volatile int port;

    @AfterEach
    void stopExpoFlow() throws Exception {
        if (expoFlow != null) {
            expoFlow.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    /** What the clerks were told, and when. */
    private static final class Ledger {
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final Map<String, Instant> firstAsked = new ConcurrentHashMap<>();
        final Map<String, Instant> acknowledgedAt = new ConcurrentHashMap<>();
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong slowestAnswerMillis = new AtomicLong();
        /** The clerks answered 503 since this was last cleared. */
        final Set<String> toldUnavailable = ConcurrentHashMap.newKeySet();

        void answered(String city, int status, Duration took) {
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            slowestAnswerMillis.accumulateAndGet(took.toMillis(), Math::max);
            if (status == 503) {
                toldUnavailable.add(city);
            }
        }

        /** Keys asked before {@code recovered} and answered only after it: how long after it their answer came. */
        Duration longestWaitAfter(Instant recovered) {
            Duration longest = Duration.ZERO;
            for (Map.Entry<String, Instant> asked : firstAsked.entrySet()) {
                Instant done = acknowledgedAt.get(asked.getKey());
                if (asked.getValue().isBefore(recovered) && done != null && done.isAfter(recovered)) {
                    Duration wait = Duration.between(recovered, done);
                    longest = wait.compareTo(longest) > 0 ? wait : longest;
                }
            }
            return longest;
        }

        /** Whether every key asked before {@code recovered} has its answer. */
        boolean allAnsweredAskedBefore(Instant recovered) {
            return firstAsked.entrySet().stream().filter(asked -> asked.getValue().isBefore(recovered))
                    .allMatch(asked -> acknowledged.contains(asked.getKey()) || unanswered.contains(asked.getKey())
                            || refused.contains(asked.getKey()));
        }
    }

    @Test
    void aCutDatabaseAndAKilledApplicationLoseDuplicateAndDelayNothing() throws Exception {
        recreateDatabase();
        database = new TcpProxy(HOST, POSTGRES_PORT);
        start();
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, CITIES.toArray(String[]::new));
        for (int i = 0; i < 10; i++) {
            OsakaFixture.inviteBuyers(coordinator, expoId, CITIES.toArray(String[]::new));
        }

        Ledger ledger = new Ledger();
        AtomicBoolean working = new AtomicBoolean(true);
        ExecutorService clerks = Executors.newFixedThreadPool(CITIES.size());
        for (String city : CITIES) {
            clerks.submit(() -> completeStepsUntilStopped(expoId, city, ledger, working));
        }

        // the database goes away under load, as in a restart or a network cut, until every clerk has met the outage
        await().atMost(Duration.ofMinutes(2)).until(() -> ledger.acknowledged.size() >= 8);
        ledger.toldUnavailable.clear();
        database.cut();
        await("every clerk answered 503 during the cut").atMost(PROMPT)
                .until(() -> ledger.toldUnavailable.containsAll(CITIES));
        HttpResponse<String> signInDuringCut = page("/login");
        Instant asked = Instant.now();
        ExpoFlowClient.Answer duringCut = as("admin").get("/api/admin/users");
        Duration cutAnswerTook = Duration.between(asked, Instant.now());
        database.restore();
        Instant databaseBack = Instant.now();
        int acknowledgedBeforeKill = ledger.acknowledged.size();
        await("every key asked during the cut answered").atMost(Duration.ofMinutes(1))
                .until(() -> ledger.allAnsweredAskedBefore(databaseBack) && ledger.acknowledged.size() >= acknowledgedBeforeKill + 8);
        assertThat(duringCut.status().value()).as("a request during the cut").isEqualTo(503);
        assertThat(cutAnswerTook).isLessThan(Duration.ofSeconds(10));
        assertThat(signInDuringCut.statusCode()).as("the sign-in page during the cut").isEqualTo(200);
        assertThat(ledger.longestWaitAfter(databaseBack)).as("a retried key's answer once the database is back")
                .isLessThan(PROMPT);

        // the application is killed under load, and started again; the clerks retry their keys on it
        int beforeKill = ledger.acknowledged.size();
        await().atMost(Duration.ofMinutes(1)).until(() -> ledger.acknowledged.size() >= beforeKill + 4);
        expoFlow.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        start();
        Instant nodeBack = Instant.now();
        await("every key asked before the restart answered").atMost(Duration.ofMinutes(1))
                .until(() -> ledger.allAnsweredAskedBefore(nodeBack));
        working.set(false);
        clerks.shutdown();
        assertThat(clerks.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        System.out.printf("CrashAndRestartIT: %d completions acknowledged, %d unanswered at the stop, answers %s, slowest %d ms%n",
                ledger.acknowledged.size(), ledger.unanswered.size(), ledger.statuses, ledger.slowestAnswerMillis.get());
        assertThat(ledger.unexpected).as("answers other than 200, 204 and 503").isEmpty();
        assertThat(ledger.statuses.keySet()).as("statuses the clerks saw: " + ledger.statuses).doesNotContain(500, 409);
        assertThat(Duration.ofMillis(ledger.slowestAnswerMillis.get())).as("the slowest answer").isLessThan(PROMPT);
        assertThat(ledger.longestWaitAfter(nodeBack)).as("a retried key's answer once the node is back").isLessThan(PROMPT);
        assertNothingLostNorDuplicated(ledger);
        assertUnchangedKindsNotRedeployed();
    }

    /** The clerk's steps of this expo only: the demo's own directives ask for figures these clerks do not send. */
    private void completeStepsUntilStopped(String expoId, String city, Ledger ledger, AtomicBoolean working) {
        while (working.get()) {
            JsonNode[] items = new JsonNode[1];
            // asked again after a back-off while the node is down or answers 503, as a client would
            retriedUntil(() -> !working.get() || (items[0] = listed(expoId, city, ledger)) != null);
            if (items[0] == null) {
                return;
            }
            for (JsonNode item : items[0].path("items")) {
                if (!working.get()) {
                    return;
                }
                if (item.path("candidateGroup").asText().equals(city)) {
                    completeUntilAnswered(city, item.path("id").asText(), item.path("stepKey").asText(), ledger, working);
                }
            }
        }
    }

    /** One completion, retried with its key until it is answered, as a client that must not lose it would. */
    private void completeUntilAnswered(String city, String taskId, String stepKey, Ledger ledger, AtomicBoolean working) {
        String body = switch (stepKey) {
            case "sendInvitations" -> "{\"figures\":{\"buyersInvited\":10}}";
            case "confirmBuyers" -> "{\"figures\":{\"buyersConfirmed\":5}}";
            default -> "{}";
        };
        ledger.firstAsked.putIfAbsent(taskId, Instant.now());
        retriedUntil(() -> completed(city, taskId, body, ledger, working));
    }

    /** One try of a completion: whether it was answered for good (or the clerks stopped), else to be tried again. */
    private boolean completed(String city, String taskId, String body, Ledger ledger, AtomicBoolean working) {
        Instant sent = Instant.now();
        int status;
        String answer = "";
        try {
            Answer reply = send("POST", "/api/tasks/" + taskId + "/complete", city, body, "complete-" + taskId);
            status = reply.status();
            answer = reply.text();
            ledger.answered(city, status, Duration.between(sent, Instant.now()));
        } catch (IOException | RuntimeException noAnswer) {
            status = -1; // the node is down or its connection was cut: the same key again
        }
        if (status == 204) {
            ledger.acknowledged.add(taskId);
            ledger.acknowledgedAt.put(taskId, Instant.now());
            return true;
        }
        if (status != -1 && status != 503) {
            ledger.unexpected.add(status + " for " + taskId + ": " + answer);
            ledger.refused.add(taskId);
            return true;
        }
        if (!working.get()) {
            ledger.unanswered.add(taskId);
            return true;
        }
        return false;
    }

    /** The clerk's list of this expo's open steps, or null when the node did not give it (down, 503). */
    private JsonNode listed(String expoId, String city, Ledger ledger) {
        try {
            Instant sent = Instant.now();
            Answer list = send("GET", "/api/tasks?expoId=" + expoId + "&unitId=" + city + "&status=ACTIVE&size=5", city, null, null);
            ledger.answered(city, list.status(), Duration.between(sent, Instant.now()));
            if (list.status() != 200) {
                if (list.status() != 503) {
                    ledger.unexpected.add(list.status() + " for the list of " + city + ": " + list.text());
                }
                return null;
            }
            return list.body();
        } catch (IOException | RuntimeException notNow) {
            return null;
        }
    }

    private record Answer(int status, String text) {
        JsonNode body() throws IOException {
            return JSON.readTree(text);
        }
    }

    private Answer send(String method, String path, String user, String body, String key) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(PROMPT.multipliedBy(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new IOException(stopped);
        }
    }

    private HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").header("Accept-Language", "zh-CN").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Tries until {@code answered}, a back-off apart, sparing a node that is down a busy loop; the clerks' stop ends it. */
    private static void retriedUntil(Callable<Boolean> answered) {
        await().forever().dontCatchUncaughtExceptions().pollDelay(Duration.ZERO).pollInterval(RETRY_BACK_OFF).until(answered);
    }

    /** A restart deploys only what changed: running directives and the catalogue keep one version of each kind. */
    private void assertUnchangedKindsNotRedeployed() throws SQLException {
        try (Connection db = direct(); Statement sql = db.createStatement();
             var rs = sql.executeQuery("select key_, count(*) from act_re_procdef group by key_ having count(*) > 1")) {
            assertThat(rs.next()).as("a kind deployed twice by the restart").isFalse();
        }
    }

    private void assertNothingLostNorDuplicated(Ledger ledger) throws SQLException {
        Set<String> completedByTheClerks = new HashSet<>();
        try (Connection db = direct(); Statement sql = db.createStatement()) {
            try (var rs = sql.executeQuery("select aggregate_identifier, count(*) from domain_event_entry"
                    + " where payload_type = 'org.expoflow.commands.api.TaskCompleted' group by aggregate_identifier")) {
                while (rs.next()) {
                    assertThat(rs.getInt(2)).as("TaskCompleted of " + rs.getString(1)).isEqualTo(1);
                    completedByTheClerks.add(rs.getString(1));
                }
            }
        }
        assertThat(completedByTheClerks).as("every acknowledged completion is stored").containsAll(ledger.acknowledged);
        completedByTheClerks.retainAll(ledger.firstAsked.keySet());
        Set<String> toldOrStillAsking = new HashSet<>(ledger.acknowledged);
        toldOrStillAsking.addAll(ledger.unanswered);
        assertThat(toldOrStillAsking).as("no step completed that its clerk was not told of").containsAll(completedByTheClerks);
        JsonNode consistency = null;
        for (Instant until = Instant.now().plusSeconds(60); Instant.now().isBefore(until); ) {
            consistency = as("admin").get("/api/admin/consistency").body();
            if (consistency.path("consistent").asBoolean()) {
                break;
            }
        }
        assertThat(consistency.path("differences")).as(String.valueOf(consistency)).isEmpty();
    }

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    /** ExpoFlow from its packaged jar, on PostgreSQL through the proxy, on a free port, ready once it answers. */
    private void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        File log = Files.createTempFile("expoflow-faults", ".log").toFile();
        expoFlow = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java", "-jar",
                System.getProperty("expoflow.jar"), "--server.port=" + port, "--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=jdbc:postgresql://" + HOST + ":" + database.port() + "/" + DATABASE,
                "--spring.datasource.username=postgres", "--spring.datasource.password="))
                .redirectErrorStream(true).redirectOutput(log).start();
        await("ExpoFlow started; see " + log).atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(expoFlow.isAlive()).as("ExpoFlow is running; see " + log).isTrue();
                    return answers();
                });
    }

    /** Up, with its demo users seeded. */
    private boolean answers() {
        try {
            return as("coordinator").get("/api/expos").status().value() == 200
                    && as("security").get("/api/admin/users").body().toString().contains("shenyang");
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static Connection direct() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + POSTGRES_PORT + "/" + DATABASE, "postgres", "");
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + POSTGRES_PORT + "/postgres", "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
    }
}
