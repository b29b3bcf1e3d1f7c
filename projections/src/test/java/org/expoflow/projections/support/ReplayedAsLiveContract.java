package org.expoflow.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.messaging.MetaData;
import org.expoflow.commands.api.task.AttachmentAdded;
import org.expoflow.commands.api.task.ChaseUpAcknowledged;
import org.expoflow.commands.api.task.CooperatingUnitAdded;
import org.expoflow.commands.api.task.DeadlineExtended;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.task.ExtensionRequestDecided;
import org.expoflow.commands.api.task.ExtensionRequested;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCancelled;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.expoflow.commands.api.task.TaskClaimed;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.TaskDueSoon;
import org.expoflow.commands.api.task.TaskReassigned;
import org.expoflow.commands.api.task.TaskReturnedForRework;
import org.expoflow.commands.api.task.TaskUnclaimed;
import org.expoflow.commands.api.expo.UnitEnrolled;
import org.expoflow.commands.api.directive.UnitFinishedDirective;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.projections.catalogue.CatalogueProjection;
import org.expoflow.projections.figures.FiguresProjection;
import org.expoflow.projections.tasks.TaskListProjection;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild holds its writes back and writes them by the batch; what it leaves must be row for row what the
 * same events left when they came live: the task rows, every history line, every version of a task and of a
 * figure, the tallies of the units' completed steps. The story has what makes batching hard: a task changed many times in one batch, a figure reported
 * again in the next batch, a co-operating unit that later takes the task over, an attachment to a task closed
 * batches ago, and a line for a task the store never assigned.
 */
abstract class ReplayedAsLiveContract {

    private static final Instant START = Instant.parse("2030-01-10T01:00:00Z");
    private static final Instant DUE = Instant.parse("2030-02-01T15:59:59Z");
    private static final List<String> TABLES = List.of(
            "select * from task_view order by task_id",
            "select * from task_history order by task_id, seq",
            "select * from task_version order by task_id, version",
            "select * from task_cooperation order by task_id, unit_id",
            "select * from directive_view order by directive_id",
            "select * from directive_unit_view order by directive_id, unit_id",
            "select expo_id, directive_id, unit_id, figure, figure_value, valid_from, valid_to from unit_figure_version"
                    + " order by directive_id, unit_id, figure, valid_from",
            "select * from unit_step_tally where completed > 0 order by expo_id, unit_id");

    /** A database of its own with the read models' tables, empty. */
    abstract DataSource emptyReadModels(String name);

    @Test
    void eventsReplayedInBatchesLeaveTheSameRowsAsTheSameEventsLive() {
        DataSource live = replayedInBatchesAsLive(story(), "");
        assertThat(rows(live, TABLES.get(1))).as("every event of a task is a line of its history").hasSize(22);
        assertThat(rows(live, TABLES.get(6))).as("every reported figure is a version").hasSize(5);
        assertThat(rows(live, TABLES.get(7))).as("shenyang's completed step tallied").hasSize(1);
    }

    /**
     * Work returned for rework marks the unit's steps done since the step redone, written already or still held back
     * by the rebuild: the same rows, versions, history lines and tallies either way.
     */
    @Test
    void stepsReturnedForReworkReplayedInBatchesLeaveTheSameRowsAsLive() {
        DataSource live = replayedInBatchesAsLive(reworkStory(), "rework-");
        assertThat(new JdbcTemplate(live).queryForList("select task_id from task_view where reworked_at is not null"
                + " order by task_id", String.class)).containsExactly("confirm-1", "draft-1", "send-1");
        assertThat(rows(live, TABLES.get(7))).as("fushun's other directive's step alone counts as done").singleElement()
                .satisfies(tally -> assertThat(((Number) tally.get("completed")).intValue()).isEqualTo(1));
    }

    /** The story live, then replayed in batches of several sizes, each leaving the same rows; the live database. */
    private DataSource replayedInBatchesAsLive(List<EventMessage<?>> story, String prefix) {
        DataSource live = emptyReadModels(prefix + "live");
        Projected liveProjections = new Projected(live, null);
        story.forEach(event -> liveProjections.transactions.executeWithoutResult(status -> liveProjections.handle(event)));

        for (int batch : List.of(1, 3, 7, story.size())) {
            DataSource replayed = emptyReadModels(prefix + "replayed-in-" + batch);
            JdbcTemplate jdbc = new JdbcTemplate(replayed);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(replayed));
            ReplayWrites writes = new ReplayWrites(jdbc, transactions, () -> { });
            // the same projections, given the rebuild's writer as ProjectionRebuild gives it
            Projected replay = new Projected(replayed, writes);
            for (int from = 0; from < story.size(); from += batch) {
                List<EventMessage<?>> events = story.subList(from, Math.min(story.size(), from + batch));
                replay.transactions.executeWithoutResult(status -> {
                    events.forEach(replay::handle);
                    if (batch == story.size()) {
                        assertThat(rows(replayed, "select * from task_view")).as("the rebuild's rows wait for its writer")
                                .isEmpty();
                        assertThat(rows(replayed, "select * from unit_figure_version")).isEmpty();
                        assertThat(rows(replayed, "select * from directive_view")).isEmpty();
                    }
                    writes.flush();
                });
            }
            replay.transactions.executeWithoutResult(status -> writes.finish());
            writes.close();
            for (String table : TABLES) {
                assertThat(rows(replayed, table)).as("%s, replayed in batches of %d", table, batch)
                        .isEqualTo(rows(live, table));
            }
        }
        return live;
    }

    private static List<Map<String, Object>> rows(DataSource database, String query) {
        return new JdbcTemplate(database).queryForList(query);
    }

    /**
     * The read-model projections over one database, handling events as the processing group would: live, the
     * group's own; replayed, the copies {@link ProjectionRebuild#writingThrough} makes of them for the rebuild's writer.
     */
    private static final class Projected {
        final TransactionTemplate transactions;
        final EventHandlerInvoker handlers;

        /** Live with no {@code replay}; else as replayed through it. */
        Projected(DataSource database, ReplayWrites replay) {
            JdbcTemplate jdbc = new JdbcTemplate(database);
            Clock clock = Clock.fixed(START.plus(Duration.ofDays(30)), ZoneOffset.UTC);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
            List<ReadModelProjection> projections = List.of(new CatalogueProjection(jdbc),
                    new TaskListProjection(new NamedParameterJdbcTemplate(jdbc), clock), new FiguresProjection(jdbc, clock));
            SimpleEventHandlerInvoker group = SimpleEventHandlerInvoker.builder().eventHandlers(projections).build();
            handlers = replay == null ? group : ProjectionRebuild.writingThrough(group, projections, replay);
        }

        void handle(EventMessage<?> event) {
            try {
                handlers.handle(event, Segment.ROOT_SEGMENT);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }
    }

    private static List<EventMessage<?>> story() {
        List<Object> events = List.of(
                new ExpoPlanned("osaka", "Osaka", "Osaka", LocalDate.of(2030, 4, 1), LocalDate.of(2030, 4, 7)),
                new UnitEnrolled("osaka", "shenyang", "沈阳市", UnitKind.CITY),
                new UnitEnrolled("osaka", "dalian", "大连市", UnitKind.CITY),
                new DirectiveIssued("invite", "osaka", "invite-buyers", "Invite buyers", null, null, DUE,
                        List.of("shenyang", "dalian"), Map.of("buyersInvited", new BigDecimal("300")), null),
                new TaskAssigned("draft-s", "osaka", "invite", "shenyang", "p1", "draftInvitationList", "Draft the list",
                        "shenyang", DUE, Set.of(), null, false),
                new TaskAssigned("draft-d", "osaka", "invite", "dalian", "p2", "draftInvitationList", "Draft the list",
                        "dalian", DUE, Set.of(), null, false),
                new TaskClaimed("draft-s", "invite", "shenyang", "clerk.s"),
                new ProgressReported("draft-s", "invite", "shenyang", 20, "first calls", null, null,
                        Map.of("buyersInvited", new BigDecimal("40"))),
                new ProgressReported("draft-s", "invite", "shenyang", 50, "half way", "visas", "ask the consulate",
                        Map.of("buyersInvited", new BigDecimal("150"), "exhibitorsSigned", new BigDecimal("3"))),
                new TaskUnclaimed("draft-s", "invite", "shenyang", "clerk.s"),
                new CooperatingUnitAdded("draft-d", "invite", "dalian", "anshan"),
                new CooperatingUnitAdded("draft-d", "invite", "dalian", "shenyang"),
                new TaskDueSoon("draft-d", "invite", "dalian", DUE),
                new TaskChasedUp("draft-d", "invite", "dalian", "coordinator", "where is the list?"),
                new ChaseUpAcknowledged("draft-d", "invite", "dalian", "clerk.d", "tomorrow"),
                new ExtensionRequested("draft-d", "invite", "dalian", "clerk.d", DUE, DUE.plus(Duration.ofDays(7)), "fair delayed"),
                new ExtensionRequestDecided("draft-d", "invite", "dalian", "coordinator", true, DUE.plus(Duration.ofDays(7)), null),
                new DeadlineExtended("draft-d", "invite", "dalian", DUE, DUE.plus(Duration.ofDays(7)), DUE, "fair delayed"),
                new ExtensionRequested("draft-s", "invite", "shenyang", "clerk.s", DUE, DUE.plus(Duration.ofDays(3)), "customs"),
                new TaskReassigned("draft-d", "invite", "dalian", "dalian", "anshan", "dalian is short of staff"),
                new ProgressReported("draft-s", "invite", "shenyang", 90, null, null, null,
                        Map.of("buyersInvited", new BigDecimal("280.5"))),
                new TaskCompleted("draft-s", "invite", "shenyang", "clerk.s", Map.of("list", "buyers.xlsx"),
                        Map.of("buyersInvited", new BigDecimal("300")), ReviewDecision.APPROVE, null),
                new TaskReturnedForRework("draft-d", "invite", "dalian", "the list is missing"),
                new TaskCancelled("draft-d", "invite", "dalian", "withdrawn by the office", true),
                new UnitFinishedDirective("invite", "osaka", "shenyang"),
                new AttachmentAdded("draft-s", "invite", "shenyang", "a1", "signed.pdf", "application/pdf", 1024),
                new AttachmentAdded("never-assigned", "invite", "shenyang", "a2", "stray.pdf", "application/pdf", 10));
        return messages(events);
    }

    /**
     * Fushun does its three steps, the office returns the work to the first; meanwhile a step of another directive is done
     * and commented on, so that the steps returned are some written and some held back, whatever the batch.
     */
    private static List<EventMessage<?>> reworkStory() {
        List<Object> events = new ArrayList<>(List.of(
                new ExpoPlanned("osaka", "Osaka", "Osaka", LocalDate.of(2030, 4, 1), LocalDate.of(2030, 4, 7)),
                new UnitEnrolled("osaka", "fushun", "抚顺市", UnitKind.CITY),
                new DirectiveIssued("invite", "osaka", "invite-buyers", "Invite buyers", null, null, DUE,
                        List.of("fushun"), Map.of(), null),
                new TaskAssigned("other", "osaka", "publicity", "fushun", "p9", "posters", "Posters", "fushun", DUE, Set.of(),
                        null, false)));
        for (String step : List.of("draft", "send", "confirm")) {
            events.add(new TaskAssigned(step + "-1", "osaka", "invite", "fushun", "p1", step, step, "fushun", DUE, Set.of(),
                    null, false));
            events.add(new TaskClaimed(step + "-1", "invite", "fushun", "clerk.f"));
            events.add(new TaskCompleted(step + "-1", "invite", "fushun", "clerk.f", Map.of(), Map.of(), null, null));
        }
        events.addAll(List.of(
                new TaskCompleted("other", "publicity", "fushun", "clerk.f", Map.of(), Map.of(), null, null),
                new TaskAssigned("review-1", "osaka", "invite", "fushun", "p1", "review", "Review", "coordinator", DUE,
                        Set.of(), null, false),
                new TaskCompleted("review-1", "invite", "fushun", "coordinator", Map.of(), Map.of(), ReviewDecision.RETURN, "thin"),
                new TaskAssigned("draft-2", "osaka", "invite", "fushun", "p1", "draft", "draft", "fushun", DUE, Set.of(),
                        null, false),
                new TaskReturnedForRework("draft-2", "invite", "fushun", "thin"),
                new AttachmentAdded("send-1", "invite", "fushun", "a1", "late.pdf", "application/pdf", 10),
                new TaskClaimed("draft-2", "invite", "fushun", "clerk.f")));
        return messages(events);
    }

    private static List<EventMessage<?>> messages(List<Object> events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericEventMessage<>(UUID.randomUUID().toString(), events.get(i),
                    MetaData.with("actor", "someone-" + i), START.plus(Duration.ofMinutes(i))));
        }
        return messages;
    }
}
