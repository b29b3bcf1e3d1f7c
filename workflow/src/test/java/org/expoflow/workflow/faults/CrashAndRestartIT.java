package org.expoflow.workflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hard faults, on a real PostgreSQL and a real process: ExpoFlow killed with SIGKILL while clerks
 * complete tasks, then started again; then PostgreSQL itself restarted under load. Nothing acknowledged
 * is lost, nothing is recorded twice, and engine, event store and task list agree afterwards.
 */
@Tag("postgres")
class CrashAndRestartIT {

    private static final String HOST = "127.0.0.1:5432";
    private static final String DATABASE = "expoflow_faults";
    private static final List<String> CITIES = List.of("shenyang", "dalian", "anshan");

    private Process expoFlow;
    private int port;

    @AfterEach
    void stopExpoFlow() throws Exception {
        startPostgres();
        if (expoFlow != null) {
            expoFlow.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledApplicationAndARestartedDatabaseLoseAndDuplicateNothing() throws Exception {
        recreateDatabase();
        start();
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, CITIES.toArray(String[]::new));
        for (int i = 0; i < 6; i++) {
            OsakaFixture.inviteBuyers(coordinator, expoId, CITIES.toArray(String[]::new));
        }

        // clerks complete their steps while the application is killed under them
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean working = new AtomicBoolean(true);
        ExecutorService clerks = Executors.newFixedThreadPool(CITIES.size());
        for (String city : CITIES) {
            clerks.submit(() -> completeStepsUntilStopped(city, acknowledged, working));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= 6);
        expoFlow.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        working.set(false);
        clerks.shutdown();
        clerks.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(acknowledged).as("some work was acknowledged before the kill").isNotEmpty();

        start();
        assertNothingLostNorDuplicated(acknowledged);
        assertUnchangedKindsNotRedeployed();

        // PostgreSQL goes down: requests fail fast with 503; it comes back: they succeed again
        String task = OsakaFixture.firstActiveTask(as("shenyang"), anyActiveDirective(as("shenyang")));
        stopPostgres();
        Instant asked = Instant.now();
        ExpoFlowClient.Answer duringOutage = as("shenyang").post("/api/tasks/{t}/progress", map("percent", 20), task);
        assertThat(duringOutage.status().value()).isEqualTo(503);
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
        startPostgres();
        await("progress is accepted once the database is back").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> as("shenyang").post("/api/tasks/{t}/progress", map("percent", 20), task).status().value() == 204);
        assertNothingLostNorDuplicated(acknowledged);
    }

    private void completeStepsUntilStopped(String city, Set<String> acknowledged, AtomicBoolean working) {
        ExpoFlowClient clerk = as(city);
        while (working.get()) {
            try {
                JsonNode items = clerk.get("/api/tasks?unitId={u}&status=ACTIVE&size=5", city).body().path("items");
                for (JsonNode item : items) {
                    if (!item.path("candidateGroup").asText().equals(city)) {
                        continue;
                    }
                    String taskId = item.path("id").asText();
                    ExpoFlowClient.Answer done = clerk.post("/api/tasks/{t}/complete",
                            map("figures", map("buyersInvited", 10)), taskId);
                    if (done.status().value() == 204) {
                        acknowledged.add(taskId);
                    }
                }
            } catch (RuntimeException connectionLost) {
                // the application is being killed: keep trying until told to stop
            }
        }
    }

    /** A restart deploys only what changed: running directives and the catalogue keep one version of each kind. */
    private void assertUnchangedKindsNotRedeployed() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + DATABASE, "postgres", "");
             Statement sql = db.createStatement();
             var rs = sql.executeQuery("select key_, count(*) from act_re_procdef group by key_ having count(*) > 1")) {
            assertThat(rs.next()).as("a kind deployed twice by the restart").isFalse();
        }
    }

    private void assertNothingLostNorDuplicated(Set<String> acknowledged) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + DATABASE, "postgres", "");
             Statement sql = db.createStatement()) {
            for (String taskId : acknowledged) {
                try (var rs = sql.executeQuery("select count(*) from domain_event_entry where aggregate_identifier = '"
                        + taskId + "' and payload_type = 'org.expoflow.commands.api.TaskCompleted'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("TaskCompleted of acknowledged task " + taskId).isEqualTo(1);
                }
            }
            try (var rs = sql.executeQuery("select count(*) - count(distinct aggregate_identifier) from domain_event_entry"
                    + " where payload_type = 'org.expoflow.commands.api.TaskCompleted'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("no task completed twice").isZero();
            }
        }
        JsonNode consistency = null;
        for (Instant until = Instant.now().plusSeconds(60); Instant.now().isBefore(until); ) {
            consistency = as("admin").get("/api/admin/consistency").body();
            if (consistency.path("consistent").asBoolean()) {
                break;
            }
        }
        assertThat(consistency.path("differences")).as(String.valueOf(consistency)).isEmpty();
    }

    private String anyActiveDirective(ExpoFlowClient clerk) {
        return clerk.get("/api/tasks?status=ACTIVE&size=1").body().path("items").get(0).path("directiveId").asText();
    }

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    private void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        File log = Files.createTempFile("expoflow-faults", ".log").toFile();
        expoFlow = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java", "-jar",
                System.getProperty("expoflow.jar"), "--server.port=" + port, "--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=jdbc:postgresql://" + HOST + "/" + DATABASE,
                "--spring.datasource.username=postgres", "--spring.datasource.password="))
                .redirectErrorStream(true).redirectOutput(log).start();
        await("ExpoFlow started; see " + log).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
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

    private static void recreateDatabase() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
    }

    private static void stopPostgres() throws Exception {
        cluster("stop");
    }

    private static void startPostgres() throws Exception {
        cluster("start");
    }

    private static void cluster(String action) throws Exception {
        String[] versions = new File("/etc/postgresql").list();
        assertThat(versions).as("a Debian PostgreSQL cluster to restart").isNotEmpty();
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", action));
        if ("stop".equals(action)) {
            command.addAll(List.of("--", "-m", "fast"));
        }
        Process pgctl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(pgctl.getInputStream().readAllBytes());
        pgctl.waitFor(60, TimeUnit.SECONDS);
        if (pgctl.exitValue() != 0 && !output.contains("already") && !output.contains("is not running")) {
            throw new IllegalStateException("pg_ctlcluster " + action + " failed: " + output);
        }
    }
}
