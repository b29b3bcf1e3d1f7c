package org.expoflow.workflow.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.expoflow.workflow.scenario.ExpoFlowClient;

/**
 * ExpoFlow processes from the packaged jar on one fresh PostgreSQL database of their own, as a cluster's
 * nodes: each on a free port, with the demo data, ready once it says so (its readiness probe); stopped (or killed) by the test.
 */
final class ApplicationNodes implements AutoCloseable {

    private final String database;
    private final List<Process> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    /** The nodes of a database dropped and created afresh. */
    ApplicationNodes(String database) throws Exception {
        this.database = database;
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        }
    }

    /** Starts one more node, with these arguments besides the database's, and waits until it answers. */
    void start(String... arguments) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        File log = Files.createTempFile("expoflow-node", ".log").toFile();
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-jar",
                System.getProperty("expoflow.jar"), "--server.port=" + port, "--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
        command.addAll(List.of(arguments));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        nodes.add(node);
        ports.add(port);
        logs.add(log.toPath());
        await("node started; see " + log).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(node.isAlive()).as("node running; see " + log).isTrue();
            try {
                // ready: the start-up runners (demo data, engine users) are done, as a load balancer would wait
                return ExpoFlowClient.as("http://localhost:" + port, "coordinator").get("/actuator/health/readiness")
                        .status().value() == 200
                        && ExpoFlowClient.as("http://localhost:" + port, "coordinator").get("/api/expos").body()
                        .path("expos").size() > 0;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    String base(int node) {
        return "http://localhost:" + ports.get(node);
    }

    /** What a node has logged so far. */
    List<String> log(int node) throws IOException {
        return Files.readAllLines(logs.get(node));
    }

    /** {@code kill -9}: no shutdown hook, its transactions cut off where they stand; true once it is gone. */
    boolean kill(int node) throws InterruptedException {
        return nodes.get(node).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process node : nodes) {
            node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
