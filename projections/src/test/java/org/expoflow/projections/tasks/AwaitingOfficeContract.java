package org.expoflow.projections.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import javax.sql.DataSource;

import org.expoflow.commands.api.task.ExtensionRequested;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.projections.api.AwaitingOffice;
import org.expoflow.projections.api.FindAwaitingOffice;
import org.expoflow.projections.api.TaskSummary;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The office's console at a province's scale: every review and every extension request waiting on the expo, however
 * many of the units' steps are open and due sooner; the office's own chase-ups and other expos' reviews not among
 * them. Run on each database the product runs on.
 */
abstract class AwaitingOfficeContract {

    private static final Instant ASSIGNED = Instant.parse("2030-01-10T01:00:00Z");
    private static final Instant DUE = Instant.parse("2030-02-01T15:59:59Z");
    private static final Instant NOW = Instant.parse("2030-01-20T08:00:00Z");

    /** A database of its own with the read models' tables, empty. */
    abstract DataSource emptyReadModels();

    @Test
    void everyReviewAndExtensionRequestWaitingIsFoundThoughSixHundredStepsFallDueSooner() {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(emptyReadModels());
        TaskListProjection projection = new TaskListProjection(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        TaskListReadings lists = new TaskListReadings(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int step = 0; step < 600; step++) {
            assign(projection, "osaka", "unit-step-" + step, "dalian", "dalian", DUE, null);
        }
        assign(projection, "osaka", "review-dalian", "dalian", "coordinator", DUE.plus(Duration.ofDays(2)), null);
        assign(projection, "osaka", "review-shenyang", "shenyang", "coordinator", DUE.plus(Duration.ofDays(1)), null);
        assign(projection, "osaka", "chase-up-of-anshan", "anshan", "coordinator", DUE.plus(Duration.ofDays(1)), "unit-step-1");
        assign(projection, "hamburg", "review-in-another-expo", "dalian", "coordinator", DUE, null);
        String later = assign(projection, "osaka", "asks-for-later", "fushun", "fushun", DUE.plus(Duration.ofDays(3)), null);
        projection.on(new ExtensionRequested(later, "invite", "fushun", "fushun-clerk", DUE.plus(Duration.ofDays(3)),
                DUE.plus(Duration.ofDays(10)), "展品清关延误"), NOW, "fushun-clerk");

        AwaitingOffice awaiting = lists.handle(new FindAwaitingOffice("osaka"));

        assertThat(awaiting.reviews()).extracting(TaskSummary::id).containsExactly("review-shenyang", "review-dalian");
        assertThat(awaiting.extensionRequests()).extracting(TaskSummary::id).containsExactly("asks-for-later");
    }

    private static String assign(TaskListProjection projection, String expoId, String taskId, String unitId, String group,
                                 Instant dueAt, String supervisedTaskId) {
        projection.on(new TaskAssigned(taskId, expoId, "invite", unitId, "p-" + taskId, "draftInvitationList",
                "Draft the invitation list", group, dueAt, Set.of(), supervisedTaskId, false), ASSIGNED, "engine");
        return taskId;
    }
}
