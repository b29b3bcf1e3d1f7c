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
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.expoflow.commands.api.task.ChaseUpAcknowledged;
import org.expoflow.commands.api.task.DeadlineExtended;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCancelled;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.commands.api.task.TaskReassigned;
import org.expoflow.commands.api.task.TaskReturnedForRework;
import org.expoflow.projections.api.FindUnitStepCounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the statistics count of each unit's steps now, as the database sums it, against the same steps read
 * and counted one by one: on time and late (the days late rounded per step, then summed), overdue, not yet
 * due, without a deadline, chase-ups and the hours they took to acknowledge; the office's reviews, chase-up
 * steps and cancelled steps not counted. Run on each database the product runs on.
 */
abstract class UnitStepTalliesContract {

    private static final Instant ASSIGNED = Instant.parse("2030-01-10T01:00:00Z");
    private static final Instant DUE = Instant.parse("2030-02-01T15:59:59Z");
    private static final Instant LATER_DUE = Instant.parse("2030-03-01T15:59:59Z");
    private static final Instant NOW = Instant.parse("2030-02-10T08:00:00Z");

    /** A database of its own with the read models' tables, empty. */
    abstract DataSource emptyReadModels();

    @Test
    void theDatabaseCountsEachUnitsStepsAsTheStepsReadOneByOneCountThem() {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(emptyReadModels());
        TaskListProjection projection = new TaskListProjection(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        UnitStepReadings unitSteps = new UnitStepReadings(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

        // shenyang: late by 1 d 3 h 7 min 30 s (1.1 days) and by 2 h 29 min 59 s (0.1 days), one on time, one chased up
        // and acknowledged 5 h 18 min 20 s later (5.30 hours: whole minutes)
        completed(projection, assigned(projection, "late-1", "shenyang", DUE), DUE.plus(Duration.parse("PT27H7M30S")));
        completed(projection, assigned(projection, "late-2", "shenyang", DUE), DUE.plus(Duration.parse("PT2H29M59S")));
        completed(projection, assigned(projection, "on-time", "shenyang", DUE), DUE.minus(Duration.ofHours(1)));
        String chased = assigned(projection, "chased", "shenyang", DUE);
        projection.on(new TaskChasedUp(chased, "invite", "shenyang", "coordinator", "the list?"), DUE.plusSeconds(60), "coordinator");
        projection.on(new ChaseUpAcknowledged(chased, "invite", "shenyang", "shenyang-clerk", "tomorrow"),
                DUE.plus(Duration.parse("PT5H19M20S")), "shenyang-clerk");
        // dalian: one not yet due, one without a deadline, one chased up and not acknowledged, one cancelled
        assigned(projection, "later", "dalian", LATER_DUE);
        assigned(projection, "no-deadline", "dalian", null);
        String unanswered = assigned(projection, "unanswered", "dalian", DUE);
        projection.on(new TaskChasedUp(unanswered, "invite", "dalian", "coordinator", "the list?"), DUE.plusSeconds(60), "coordinator");
        projection.on(new TaskCancelled(assigned(projection, "cancelled", "dalian", DUE), "invite", "dalian", "withdrawn", true),
                DUE.minusSeconds(60), "coordinator");
        // neither the office's review nor a chase-up step is a unit's own step
        projection.on(new TaskAssigned("review", "osaka", "invite", "shenyang", "p-review", "reviewList", "Review the list",
                "coordinator", DUE, Set.of(), null, false), ASSIGNED, "engine");
        projection.on(new TaskAssigned("chase-step", "osaka", "invite", "dalian", "p-chase", "acknowledgeChaseUp",
                "Acknowledge the chase-up", "dalian", null, Set.of(), unanswered, false), DUE.plusSeconds(60), "engine");

        Map<String, UnitStepTally> now = unitSteps.unitStepTalliesNow("osaka", NOW);
        assertThat(now.get("shenyang")).isEqualTo(new UnitStepTally(4, 3, 1, 2, 0, 1, 0, new BigDecimal("1.2"), 1, 1,
                new BigDecimal("5.30")));
        assertThat(now.get("dalian")).isEqualTo(new UnitStepTally(3, 0, 0, 0, 1, 1, 1, new BigDecimal("0.0"), 1, 0,
                new BigDecimal("0.00")));
        for (boolean present : List.of(true, false)) {
            Map<String, UnitStepTally> counted = unitSteps.unitStepsOfExpo("osaka", NOW, present).stream()
                    .collect(Collectors.groupingBy(UnitStepReadings.UnitStep::unitId)).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, steps -> UnitStepTally.of(steps.getValue(), NOW)));
            assertThat(counted).as(present ? "the current rows counted one by one" : "the versions in force now")
                    .isEqualTo(now);
        }
    }

    @Test
    void whatHappensToACompletedStepLaterChangesWhatItsUnitCounts() {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(emptyReadModels());
        TaskListProjection projection = new TaskListProjection(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        UnitStepReadings unitSteps = new UnitStepReadings(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

        // late by two days, then chased up and acknowledged 3 hours later all the same
        String chasedAfter = assigned(projection, "chased-after", "anshan", DUE);
        completed(projection, chasedAfter, "anshan", DUE.plus(Duration.ofDays(2)));
        projection.on(new TaskChasedUp(chasedAfter, "invite", "anshan", "coordinator", "the list?"), DUE.plus(Duration.ofDays(3)),
                "coordinator");
        projection.on(new ChaseUpAcknowledged(chasedAfter, "invite", "anshan", "anshan-clerk", "sent"),
                DUE.plus(Duration.ofDays(3)).plus(Duration.ofHours(3)), "anshan-clerk");
        // on time, until its deadline is set a day earlier: late by 23 hours (1.0 day)
        String movedDeadline = assigned(projection, "moved-deadline", "anshan", DUE);
        completed(projection, movedDeadline, "anshan", DUE.minus(Duration.ofHours(1)));
        projection.on(new DeadlineExtended(movedDeadline, "invite", "anshan", DUE, DUE.minus(Duration.ofDays(1)), DUE, "typo"),
                DUE, "coordinator");
        // completed, then given to another unit to do again: open and overdue
        String takenOver = assigned(projection, "taken-over", "anshan", DUE);
        completed(projection, takenOver, "anshan", DUE.minus(Duration.ofHours(2)));
        projection.on(new TaskReassigned(takenOver, "invite", "anshan", "anshan", "benxi", "redo"), DUE, "coordinator");
        // completed, then withdrawn with its directive: not counted
        String withdrawn = assigned(projection, "withdrawn", "anshan", DUE);
        completed(projection, withdrawn, "anshan", DUE.minus(Duration.ofHours(3)));
        projection.on(new TaskCancelled(withdrawn, "invite", "anshan", "withdrawn", true), DUE, "coordinator");

        Map<String, UnitStepTally> now = unitSteps.unitStepTalliesNow("osaka", NOW);
        assertThat(now.get("anshan")).isEqualTo(new UnitStepTally(3, 2, 0, 2, 0, 1, 0, new BigDecimal("3.0"), 1, 1,
                new BigDecimal("3.00")));
        Map<String, UnitStepTally> counted = unitSteps.unitStepsOfExpo("osaka", NOW, true).stream()
                .collect(Collectors.groupingBy(UnitStepReadings.UnitStep::unitId)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, steps -> UnitStepTally.of(steps.getValue(), NOW)));
        assertThat(counted).as("the current rows counted one by one").isEqualTo(now);
    }

    /**
     * Anshan's three steps of inviting buyers were done, then the office's review returned the work to the first: none
     * of the three counts as done any more, nor as a step (the redo does); a step of another process it did stays done.
     * As of an instant before the return they counted, and the review is never the unit's step.
     */
    @Test
    void stepsDoneAndThenReturnedForReworkNoLongerCountAsDone() {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(emptyReadModels());
        TaskListProjection projection = new TaskListProjection(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        UnitStepReadings unitSteps = new UnitStepReadings(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

        completed(projection, assigned(projection, "other-process", "anshan", DUE), "anshan", DUE.minus(Duration.ofDays(9)));
        Instant at = DUE.minus(Duration.ofDays(8));
        for (String step : List.of("draftInvitationList", "sendInvitations", "confirmBuyers")) {
            at = at.plus(Duration.ofHours(1));
            inProcess(projection, step + "-1", step, "anshan", at);
            completed(projection, step + "-1", "anshan", at.plus(Duration.ofMinutes(30)));
        }
        inProcess(projection, "review-1", "reviewInvitations", "coordinator", at.plus(Duration.ofHours(1)));
        Instant returned = at.plus(Duration.ofHours(2));
        projection.on(new TaskCompleted("review-1", "invite", "anshan", "coordinator", Map.of(), Map.of(), ReviewDecision.RETURN,
                "the list is thin"), returned, "coordinator");
        Instant beforeReturn = returned.minusSeconds(1);
        assertThat(UnitStepTally.of(unitSteps.unitStepsOfExpo("osaka", beforeReturn, false), beforeReturn).completed())
                .as("before the return the three steps were done").isEqualTo(4);
        inProcess(projection, "draftInvitationList-2", "draftInvitationList", "anshan", returned);
        projection.on(new TaskReturnedForRework("draftInvitationList-2", "invite", "anshan", "the list is thin"), returned,
                "engine");

        Map<String, UnitStepTally> now = unitSteps.unitStepTalliesNow("osaka", NOW);
        assertThat(now.get("anshan")).as("the redo open and overdue, the other process's step done")
                .isEqualTo(new UnitStepTally(2, 1, 1, 0, 0, 1, 0, new BigDecimal("0.0"), 0, 0, new BigDecimal("0.00")));
        for (boolean present : List.of(true, false)) {
            assertThat(UnitStepTally.of(unitSteps.unitStepsOfExpo("osaka", NOW, present), NOW)).isEqualTo(now.get("anshan"));
        }
        assertThat(UnitStepTally.of(unitSteps.unitStepsOfExpo("osaka", beforeReturn, false), beforeReturn))
                .as("as of before the return, as it was then").satisfies(then -> {
                    assertThat(then.steps()).isEqualTo(4);
                    assertThat(then.completed()).isEqualTo(4);
                });
        assertThat(unitSteps.handle(new FindUnitStepCounts(NOW)).units()).singleElement().satisfies(counts -> {
            assertThat(counts.done()).isEqualTo(1);
            assertThat(counts.open()).isEqualTo(1);
        });
        TaskDetailReadings steps = new TaskDetailReadings(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(steps.history("sendInvitations-1")).last().satisfies(line -> assertThat(line.type()).isEqualTo("StepReturned"));
        assertThat(steps.history("other-process")).noneMatch(line -> line.type().equals("StepReturned"));
    }

    private static void inProcess(TaskListProjection projection, String taskId, String stepKey, String group, Instant at) {
        projection.on(new TaskAssigned(taskId, "osaka", "invite", "anshan", "p-anshan", stepKey, stepKey, group, DUE, Set.of(),
                null, false), at, "engine");
    }

    private static String assigned(TaskListProjection projection, String taskId, String unitId, Instant dueAt) {
        projection.on(new TaskAssigned(taskId, "osaka", "invite", unitId, "p-" + taskId, "draftInvitationList",
                "Draft the invitation list", unitId, dueAt, Set.of(), null, false), ASSIGNED, "engine");
        return taskId;
    }

    private static void completed(TaskListProjection projection, String taskId, Instant at) {
        completed(projection, taskId, "shenyang", at);
    }

    private static void completed(TaskListProjection projection, String taskId, String unitId, Instant at) {
        projection.on(new TaskCompleted(taskId, "invite", unitId, unitId + "-clerk", Map.of("invitationList", "Kansai buyers"),
                Map.of(), null, null), at, unitId + "-clerk");
    }
}
