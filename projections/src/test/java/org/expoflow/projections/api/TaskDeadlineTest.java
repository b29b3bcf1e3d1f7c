package org.expoflow.projections.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.expoflow.commands.api.task.ChaseUpGrade;
import org.junit.jupiter.api.Test;

/** A step's deadline judged at an instant, and the chase-ups told apart: a reminder (催办) wants no reply. */
class TaskDeadlineTest {

    private static final Instant DUE = Instant.parse("2030-02-01T15:59:59Z");
    private static final Instant SOON = DUE.minus(Duration.ofDays(3));

    @Test
    void anOpenStepIsDueSoonFromItsWarningOnAndOverdueOnceItsDeadlineHasPassed() {
        assertThat(judged(SOON.minusSeconds(1), true).dueSoon()).isFalse();
        assertThat(judged(SOON, true).dueSoon()).isTrue();
        assertThat(judged(DUE, true).overdue()).as("due until the deadline's last second").isFalse();
        TaskDeadline late = judged(DUE.plusSeconds(1), true);
        assertThat(late.overdue()).isTrue();
        assertThat(late.dueSoon()).as("overdue, no longer due soon").isFalse();
    }

    @Test
    void aClosedStepIsNeitherOverdueNorDueSoonThoughItsDeadlinePassed() {
        TaskDeadline closed = judged(DUE.plusSeconds(1), false);
        assertThat(closed.overdue()).isFalse();
        assertThat(closed.dueSoon()).isFalse();
        assertThat(closed.passedAt(DUE.plusSeconds(1))).isTrue();
    }

    @Test
    void aDeadlineFallsDueAfterOneInstantAndNoLaterThanTheOther() {
        TaskDeadline deadline = judged(SOON, true);
        assertThat(deadline.fellDueBetween(DUE.minusSeconds(1), DUE)).isTrue();
        assertThat(deadline.fellDueBetween(DUE, DUE.plusSeconds(1))).isFalse();
        assertThat(TaskDeadline.judgedAt(DUE, true, null, null, null, null, null).fellDueBetween(SOON, DUE)).isFalse();
    }

    @Test
    void aReminderIsAChaseUpWithNoReplyAsked() {
        TaskChaseUp reminder = new TaskChaseUp(null, null, null, ChaseUpGrade.URGE);
        TaskChaseUp supervised = new TaskChaseUp(DUE, "reply by Friday", null, ChaseUpGrade.SUPERVISE);
        TaskChaseUp beforeGrades = new TaskChaseUp(DUE, "reply by Friday", null, null);
        TaskChaseUp none = new TaskChaseUp(null, null, null, null);

        assertThat(reminder.sent()).isTrue();
        assertThat(reminder.replyAsked()).isFalse();
        assertThat(supervised.replyAsked()).isTrue();
        assertThat(beforeGrades.sent()).as("a chase-up recorded before grades were kept").isTrue();
        assertThat(none.sent()).isFalse();
    }

    private static TaskDeadline judged(Instant now, boolean open) {
        return TaskDeadline.judgedAt(now, open, DUE, DUE, SOON, null, null);
    }
}
