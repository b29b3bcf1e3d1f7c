package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Clerks report progress and read their steps back, and a leader reads the board, all the while the read models are
 * rebuilt, again and again: nobody is answered with a failure, each clerk reads what it has just written, every
 * report is in the rebuilt model once, and the engine, the events and the task list agree afterwards. Runs on H2 and
 * on PostgreSQL (see the subclasses).
 */
abstract class RebuildBesideTheLiveModelScenario {

    private static final int REBUILDS = 3;
    private static final int MOST_REPORTS = 90;
    // a clerk's reports spread over the rebuilds, not all of them before the first has begun
    private static final Duration REPORTING_PACE = Duration.ofMillis(20);

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    /** What one clerk was told, and what it read back, while the rebuilds ran. */
    private record Work(List<String> failures, List<String> staleReads, List<long[]> writes, int reports) {
    }

    @Test
    void writesAndReadsGoOnThroughoutRebuildsAndNothingIsStaleOrLost() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        List<String> units = List.of("jinzhou", "yingkou", "fuxin");
        String expoId = OsakaFixture.osakaWith(coordinator, units.toArray(String[]::new));
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, units.toArray(String[]::new));
        List<String> tasks = units.stream().map(unit -> OsakaFixture.firstActiveTask(as(unit), directiveId)).toList();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        ExecutorService people = Executors.newFixedThreadPool(units.size() + 1);
        List<long[]> rebuilds = new ArrayList<>();
        List<Work> work = new ArrayList<>();
        List<String> leaderFailures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<Work>> clerks = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                ExpoFlowClient clerk = as(units.get(i));
                String task = tasks.get(i);
                clerks.add(people.submit(() -> reportAndReadBack(clerk, task, rebuilding)));
            }
            ExpoFlowClient leader = as("leader");
            Future<?> boards = people.submit(() -> {
                while (rebuilding.get()) {
                    ExpoFlowClient.Answer board = leader.get("/api/expos/{e}/board", expoId);
                    if (board.status().value() != 200) {
                        leaderFailures.add(board.status() + " " + board.body());
                    }
                }
            });
            ExpoFlowClient admin = as("admin");
            for (int i = 0; i < REBUILDS; i++) {
                long started = System.nanoTime();
                ExpoFlowClient.Answer rebuilt = admin.post("/api/admin/projections/read-models/rebuild?wait=true");
                rebuilds.add(new long[] {started, System.nanoTime()});
                assertThat(rebuilt.status().value()).as("%s", rebuilt.body()).isEqualTo(200);
            }
            rebuilding.set(false);
            for (Future<Work> clerk : clerks) {
                work.add(clerk.get());
            }
            boards.get();
        } finally {
            rebuilding.set(false);
            people.shutdown();
        }

        assertThat(leaderFailures).as("the board answered throughout").isEmpty();
        for (Work done : work) {
            assertThat(done.failures()).as("no clerk was answered with a failure").isEmpty();
            assertThat(done.staleReads()).as("each clerk read back what it had just reported").isEmpty();
        }
        assertThat(work.stream().flatMap(done -> done.writes().stream())
                .anyMatch(write -> rebuilds.stream().anyMatch(rebuild -> rebuild[0] < write[0] && write[1] < rebuild[1])))
                .as("reports were written while a rebuild ran").isTrue();

        JsonNode consistency = as("admin").get("/api/admin/consistency").body();
        assertThat(consistency.path("consistent").asBoolean()).as(consistency.toString()).isTrue();
        JsonNode progress = as("admin").get("/api/admin/projections/read-models").body();
        assertThat(progress.path("replaying").asBoolean()).isFalse();
        assertThat(progress.path("position").asLong()).isEqualTo(progress.path("head").asLong());
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode detail = coordinator.get("/api/tasks/{t}", tasks.get(i)).body();
            assertThat(detail.path("history").findValuesAsText("type").stream().filter("ProgressReported"::equals).count())
                    .as("every report of %s once, after the rebuilds", units.get(i)).isEqualTo(work.get(i).reports());
            assertThat(detail.path("percent").asInt()).isEqualTo(work.get(i).reports());
        }
    }

    /**
     * A clerk reporting 1%, 2%, ... and reading its step back after each report, a report every 20 ms or so until the
     * rebuilds are done.
     */
    private static Work reportAndReadBack(ExpoFlowClient clerk, String task, AtomicBoolean rebuilding) {
        List<String> failures = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<long[]> writes = new ArrayList<>();
        int[] percent = {0};
        await().forever().dontCatchUncaughtExceptions().pollDelay(Duration.ZERO).pollInterval(REPORTING_PACE).until(() -> {
            if (!rebuilding.get() || percent[0] >= MOST_REPORTS) {
                return true;
            }
            long started = System.nanoTime();
            ExpoFlowClient.Answer reported = clerk.post("/api/tasks/{t}/progress", map("percent", percent[0] + 1,
                    "note", "report " + (percent[0] + 1)), task);
            writes.add(new long[] {started, System.nanoTime()});
            if (reported.status().value() != 204) {
                failures.add("report: " + reported.status() + " " + reported.body());
                return false;
            }
            percent[0]++;
            ExpoFlowClient.Answer read = clerk.get("/api/tasks/{t}", task);
            if (read.status().value() != 200) {
                failures.add("read: " + read.status() + " " + read.body());
            } else if (read.body().path("percent").asInt() != percent[0]) {
                stale.add("reported " + percent[0] + "%, read " + read.body().path("percent").asInt() + "%");
            }
            return false;
        });
        return new Work(failures, stale, writes, percent[0]);
    }
}
