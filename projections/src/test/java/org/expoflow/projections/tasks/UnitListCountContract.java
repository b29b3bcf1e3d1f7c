package org.expoflow.projections.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.TaskReassigned;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskSummary;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The count on a unit's list tab against the steps the tab lists: its own steps, another unit's taken over by its
 * group, those it co-operates on, each once, however many of these it is. Run on each database the product runs on.
 */
abstract class UnitListCountContract {

    private static final Instant ASSIGNED = Instant.parse("2030-01-10T01:00:00Z");
    private static final Instant DUE = Instant.parse("2030-02-01T15:59:59Z");
    private static final Instant NOW = Instant.parse("2030-02-10T08:00:00Z");

    /** A database of its own with the read models' tables, empty. */
    abstract DataSource emptyReadModels();

    @Test
    void aUnitsDoneTabCountsEachStepItListsOnce() {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(emptyReadModels());
        TaskListProjection projection = new TaskListProjection(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        TaskListReadings lists = new TaskListReadings(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

        done(projection, assigned(projection, "own", "dalian", List.of()), "dalian");
        String takenOver = assigned(projection, "taken-over", "shenyang", List.of());
        projection.on(new TaskReassigned(takenOver, "invite", "shenyang", "shenyang", "dalian", "沈阳市人手不足"), ASSIGNED,
                "coordinator");
        done(projection, takenOver, "dalian");
        done(projection, assigned(projection, "co-operated", "anshan", List.of("dalian")), "anshan");
        String everything = assigned(projection, "taken-over-and-co-operated", "jinzhou", List.of("dalian"));
        projection.on(new TaskReassigned(everything, "invite", "jinzhou", "jinzhou", "dalian", "锦州市人手不足"), ASSIGNED,
                "coordinator");
        done(projection, everything, "dalian");
        done(projection, assigned(projection, "another-units", "fushun", List.of()), "fushun");
        assigned(projection, "own-still-open", "dalian", List.of());

        TaskPage tab = lists.handle(new FindTasks(null, "dalian", "COMPLETED", null, null, 0, 100, null));

        assertThat(tab.items()).extracting(TaskSummary::id)
                .containsExactlyInAnyOrder("own", "taken-over", "co-operated", "taken-over-and-co-operated");
        assertThat(tab.total()).isEqualTo(4);
        assertThat(lists.handle(new FindTasks(null, "dalian", "COMPLETED", null, null, 0, 0, null)).total())
                .as("counted alone, as the list's tab is").isEqualTo(4);
        assertThat(lists.handle(new FindTasks(null, "dalian", "ACTIVE", null, null, 0, 0, null)).total()).isEqualTo(1);
        assertThat(lists.handle(new FindTasks(null, "fushun", "COMPLETED", null, null, 0, 0, null)).total()).isEqualTo(1);
    }

    private static String assigned(TaskListProjection projection, String taskId, String unitId, List<String> cooperating) {
        projection.on(new TaskAssigned(taskId, "osaka", "invite", unitId, "p-" + taskId, "draftInvitationList",
                "Draft the invitation list", unitId, DUE, Set.of(), null, false, cooperating), ASSIGNED, "engine");
        return taskId;
    }

    private static void done(TaskListProjection projection, String taskId, String unitId) {
        projection.on(new TaskCompleted(taskId, "invite", unitId, unitId + "-clerk", Map.of("invitationList", "Kansai buyers"),
                Map.of(), null, null), DUE.minusSeconds(3600), unitId + "-clerk");
    }
}
