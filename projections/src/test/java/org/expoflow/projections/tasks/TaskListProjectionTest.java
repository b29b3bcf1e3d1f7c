package org.expoflow.projections.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.expoflow.commands.api.task.DeadlineExtended;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCancelled;
import org.expoflow.commands.api.task.TaskClaimed;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.TaskDueSoon;
import org.expoflow.projections.api.FindTask;
import org.expoflow.projections.api.FindFirstTasks;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.TaskDetail;
import org.expoflow.projections.api.TaskHistoryEntry;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskSummary;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The task list projection without Spring or Axon: events in, a clerk's list, a task's history and the
 * task as of an earlier moment out, on the projection's own tables in an H2 database of its own.
 */
class TaskListProjectionTest {

    private static final Instant ASSIGNED = Instant.parse("2030-01-10T01:00:00Z");
    private static final Instant DUE = Instant.parse("2030-02-01T15:59:59Z");
    private static final String TASK = "task-1";

    private NamedParameterJdbcTemplate jdbc;

    @BeforeEach
    void emptyReadModels() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:task-list-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = new NamedParameterJdbcTemplate(database);
    }

    private TaskListProjection projectionAt(Instant now) {
        return new TaskListProjection(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    private TaskListReadings listsAt(Instant now) {
        return new TaskListReadings(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    private TaskDetailReadings stepsAt(Instant now) {
        return new TaskDetailReadings(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    private UnitStepReadings unitStepsAt(Instant now) {
        return new UnitStepReadings(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static TaskAssigned assignedToShenyang() {
        return new TaskAssigned(TASK, "osaka", "invite", "shenyang", "process-1", "draftInvitationList",
                "Draft the invitation list", "shenyang", DUE, Set.of(), null, false);
    }

    @Test
    void aStepGivenToAUnitIsOpenInItsListWithItsDeadlineAndNotInAnotherUnits() {
        TaskListProjection projection = projectionAt(ASSIGNED.plusSeconds(60));
        TaskListReadings lists = listsAt(ASSIGNED.plusSeconds(60));
        projection.on(assignedToShenyang(), ASSIGNED, "coordinator");

        List<TaskSummary> shenyang = lists.handle(new FindTasks(null, "shenyang", "ACTIVE", null, null, 0, 20, null)).items();
        assertThat(shenyang).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
            assertThat(task.deadline().dueAt()).isEqualTo(DUE);
            assertThat(task.step().stepName()).isEqualTo("Draft the invitation list");
            assertThat(task.deadline().overdue()).isFalse();
            assertThat(task.deadline().dueSoon()).isFalse();
        });
        assertThat(lists.handle(new FindTasks(null, "dalian", "ACTIVE", null, null, 0, 20, null)).items()).isEmpty();
    }

    @Test
    void aListAskedForNoRowsCountsThemOnly() {
        TaskListProjection projection = projectionAt(ASSIGNED.plusSeconds(60));
        TaskListReadings lists = listsAt(ASSIGNED.plusSeconds(60));
        projection.on(assignedToShenyang(), ASSIGNED, "coordinator");

        TaskPage counted = lists.handle(new FindTasks(null, "shenyang", "ACTIVE", null, null, 0, 0, null));

        assertThat(counted.total()).isEqualTo(1);
        assertThat(counted.items()).isEmpty();
    }

    @Test
    void aPagesFirstStepsAreItsListsFirstPageInItsOrderWithNoOtherUnitsSteps() {
        TaskListProjection projection = projectionAt(ASSIGNED.plusSeconds(600));
        TaskListReadings lists = listsAt(ASSIGNED.plusSeconds(600));
        for (int step = 0; step < 4; step++) {
            projection.on(new TaskAssigned("step-" + step, "osaka", "invite", "shenyang", "process-" + step, "draftInvitationList",
                    "Draft the invitation list", "shenyang", DUE.minusSeconds(step), Set.of(), null, false), ASSIGNED.plusSeconds(step), "coordinator");
        }
        projection.on(new TaskAssigned("dalian-step", "osaka", "invite", "dalian", "process-d", "draftInvitationList",
                "Draft the invitation list", "dalian", DUE, Set.of(), null, false), ASSIGNED, "coordinator");

        List<TaskSummary> latest = lists.handle(new FindFirstTasks("osaka", "shenyang", null, 3, "-assignedAt"));
        List<TaskSummary> soonestDue = lists.handle(new FindFirstTasks("osaka", "shenyang", "ACTIVE", 3, "dueAt"));

        assertThat(latest).extracting(TaskSummary::id).containsExactly("step-3", "step-2", "step-1")
                .isEqualTo(lists.handle(new FindTasks("osaka", "shenyang", null, null, null, 0, 3, "-assignedAt")).items().stream()
                        .map(TaskSummary::id).toList());
        assertThat(soonestDue).extracting(TaskSummary::id).containsExactly("step-3", "step-2", "step-1");
    }

    @Test
    void claimProgressAndCompletionShowOnTheTaskAndInItsHistoryInOrder() {
        TaskListProjection projection = projectionAt(ASSIGNED.plus(Duration.ofDays(3)));
        TaskListReadings lists = listsAt(ASSIGNED.plus(Duration.ofDays(3)));
        TaskDetailReadings steps = stepsAt(ASSIGNED.plus(Duration.ofDays(3)));
        projection.on(assignedToShenyang(), ASSIGNED, "coordinator");
        projection.on(new TaskClaimed(TASK, "invite", "shenyang", "shenyang-clerk"), ASSIGNED.plusSeconds(60), "shenyang-clerk");
        projection.on(new ProgressReported(TASK, "invite", "shenyang", 40, "letters drafted", "visa delays", null,
                Map.of("buyersInvited", new BigDecimal("17"))), ASSIGNED.plus(Duration.ofDays(1)), "shenyang-clerk");

        TaskDetail inProgress = steps.handle(new FindTask(TASK));
        assertThat(inProgress.summary().status()).isEqualTo(TaskStatus.CLAIMED);
        assertThat(inProgress.summary().assignee()).isEqualTo("shenyang-clerk");
        assertThat(inProgress.summary().progress().percent()).isEqualTo(40);
        assertThat(inProgress.latestProblems()).isEqualTo("visa delays");
        assertThat(inProgress.summary().progress().latestFigures()).containsEntry("buyersInvited", new BigDecimal("17"));

        projection.on(new TaskCompleted(TASK, "invite", "shenyang", "shenyang-clerk", Map.of("invitationList", "Kansai buyers"),
                Map.of(), null, null), ASSIGNED.plus(Duration.ofDays(2)), "shenyang-clerk");
        TaskDetail completed = steps.handle(new FindTask(TASK));
        assertThat(completed.summary().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(completed.summary().progress().percent()).isEqualTo(100);
        assertThat(completed.summary().closedAt()).isEqualTo(ASSIGNED.plus(Duration.ofDays(2)));
        assertThat(completed.summary().progress().latestFigures()).as("the last figures reported stay").containsKey("buyersInvited");
        assertThat(completed.history()).extracting(TaskHistoryEntry::type)
                .containsExactly("TaskAssigned", "TaskClaimed", "ProgressReported", "TaskCompleted");
        assertThat(completed.history()).extracting(TaskHistoryEntry::actor)
                .containsExactly("coordinator", "shenyang-clerk", "shenyang-clerk", "shenyang-clerk");
        assertThat(lists.handle(new FindTasks(null, "shenyang", "ACTIVE", null, null, 0, 20, null)).items())
                .as("a completed step leaves the active list").isEmpty();
    }

    @Test
    void anExpoOverdueTasksNowReadFromTheCurrentRowsAreTheVersionsValidNowAndThoseNotYetDueAreLeftOut() {
        Instant now = DUE.plus(Duration.ofDays(1));
        TaskListProjection projection = projectionAt(now);
        ExpoTaskReadings expoTasks = new ExpoTaskReadings(jdbc);
        projection.on(assignedToShenyang(), ASSIGNED, "coordinator");
        projection.on(new TaskClaimed(TASK, "invite", "shenyang", "shenyang-clerk"), ASSIGNED.plusSeconds(60), "shenyang-clerk");
        projection.on(new TaskAssigned("task-2", "osaka", "invite", "dalian", "process-2", "draftInvitationList",
                "Draft the invitation list", "dalian", DUE, Set.of(), null, false), ASSIGNED, "coordinator");
        projection.on(new TaskCompleted("task-2", "invite", "dalian", "dalian-clerk", Map.of(), Map.of(), null, null),
                DUE.plus(Duration.ofHours(1)), "dalian-clerk");

        List<TaskSummary> current = expoTasks.openTasksOfExpoByDeadline("osaka", now, true, false);
        assertThat(current).extracting(TaskSummary::id).containsExactly(TASK);
        assertThat(current).isEqualTo(expoTasks.openTasksOfExpoByDeadline("osaka", now, false, false));
        assertThat(expoTasks.openTasksOfExpoByDeadline("osaka", DUE.plusSeconds(60), false, false)).extracting(TaskSummary::id)
                .as("both were overdue before Dalian completed its step").containsExactlyInAnyOrder(TASK, "task-2");
        assertThat(expoTasks.openTasksOfExpoByDeadline("osaka", ASSIGNED.plusSeconds(1), false, false))
                .as("both open then, neither past its deadline").isEmpty();
    }

    @Test
    void dueSoonIsWhatTheStepsSupervisionSaidAtThatMomentAndAnExtensionStartsItAfresh() {
        Instant dueSoonAt = DUE.minus(Duration.ofDays(3));
        TaskListProjection projection = projectionAt(DUE.minus(Duration.ofDays(1)));
        TaskDetailReadings steps = stepsAt(DUE.minus(Duration.ofDays(1)));
        ExpoTaskReadings expoTasks = new ExpoTaskReadings(jdbc);
        projection.on(assignedToShenyang(), ASSIGNED, "coordinator");
        projection.on(new TaskDueSoon(TASK, "invite", "shenyang", DUE), dueSoonAt, "engine");

        assertThat(steps.handle(new FindTask(TASK)).summary().deadline().dueSoon()).isTrue();
        assertThat(expoTasks.tasksOfExpo("osaka", dueSoonAt.minusSeconds(1))).singleElement()
                .satisfies(before -> assertThat(before.deadline().dueSoon()).as("not yet, as of the moment before").isFalse());
        assertThat(expoTasks.tasksOfExpo("osaka", dueSoonAt.plusSeconds(1))).singleElement()
                .satisfies(after -> assertThat(after.deadline().dueSoon()).isTrue());

        Instant extendedTo = DUE.plus(Duration.ofDays(20));
        projection.on(new DeadlineExtended(TASK, "invite", "shenyang", DUE, extendedTo, DUE, "buyers' fair moved"),
                DUE.minus(Duration.ofDays(2)), "coordinator");
        TaskSummary extended = steps.handle(new FindTask(TASK)).summary();
        assertThat(extended.deadline().dueAt()).isEqualTo(extendedTo);
        assertThat(extended.deadline().originalDueAt()).isEqualTo(DUE);
        assertThat(extended.deadline().dueSoon()).as("not due soon against the new deadline").isFalse();
    }

    @Test
    void anExpoTasksNowForTheBoardAreTheVersionsValidNowOpenAndClosedAlike() {
        Instant now = ASSIGNED.plus(Duration.ofDays(4));
        TaskListProjection projection = projectionAt(now);
        ExpoTaskReadings expoTasks = new ExpoTaskReadings(jdbc);
        projection.on(assignedToShenyang(), ASSIGNED, "coordinator");
        projection.on(new TaskAssigned("task-2", "osaka", "invite", "dalian", "process-2", "draftInvitationList",
                "Draft the invitation list", "dalian", DUE, Set.of(), null, false), ASSIGNED, "coordinator");
        projection.on(new TaskCompleted("task-2", "invite", "dalian", "dalian-clerk", Map.of(), Map.of(), null, null),
                ASSIGNED.plus(Duration.ofDays(1)), "dalian-clerk");

        List<TaskSummary> current = expoTasks.tasksOfExpo("osaka", now, true);
        assertThat(current).extracting(TaskSummary::status).containsExactly(TaskStatus.OPEN, TaskStatus.COMPLETED);
        assertThat(current).isEqualTo(expoTasks.tasksOfExpo("osaka", now));
    }

    @Test
    void theStatisticsCountAUnitsOwnStepsOnlyNotTheOfficesReviewsChaseUpsOrWithdrawnSteps() {
        Instant now = ASSIGNED.plus(Duration.ofDays(4));
        TaskListProjection projection = projectionAt(now);
        UnitStepReadings unitSteps = unitStepsAt(now);
        projection.on(assignedToShenyang(), ASSIGNED, "coordinator");
        projection.on(new TaskAssigned("review-1", "osaka", "invite", "shenyang", "process-1", "reviewInvitationList",
                "Review the list", "coordinator", DUE, Set.of(), null, false), ASSIGNED, "engine");
        projection.on(new TaskAssigned("chase-1", "osaka", "invite", "shenyang", "process-9", "acknowledgeChaseUp",
                "Acknowledge the chase-up", "shenyang", DUE, Set.of(), TASK, false), ASSIGNED, "engine");
        projection.on(new TaskAssigned("task-2", "osaka", "invite", "shenyang", "process-2", "draftInvitationList",
                "Draft the invitation list", "shenyang", DUE, Set.of(), null, false), ASSIGNED, "coordinator");
        projection.on(new TaskCancelled("task-2", "invite", "shenyang", "withdrawn", true), ASSIGNED.plusSeconds(5), "coordinator");

        assertThat(unitSteps.unitStepsOfExpo("osaka", now, true)).singleElement()
                .satisfies(step -> assertThat(step.status()).isEqualTo(TaskStatus.OPEN));
        assertThat(unitSteps.unitStepsOfExpo("osaka", now, false)).isEqualTo(unitSteps.unitStepsOfExpo("osaka", now, true));
        assertThat(unitSteps.unitStepsOfExpo("osaka", ASSIGNED.plusSeconds(1), false)).as("before the withdrawal")
                .hasSize(2);
    }
}
