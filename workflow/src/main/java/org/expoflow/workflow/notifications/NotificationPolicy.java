package org.expoflow.workflow.notifications;

import java.util.LinkedHashSet;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.task.ChaseUpAcknowledged;
import org.expoflow.commands.api.directive.DirectiveCommented;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.expoflow.commands.api.task.TaskCommented;
import org.expoflow.commands.api.task.TaskDueSoon;
import org.expoflow.commands.api.task.TaskEscalated;
import org.expoflow.commands.api.task.TaskOverdue;
import org.expoflow.commands.api.task.TaskReturnedForRework;
import org.expoflow.projections.api.FindDirectiveComments;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who hears of what: a unit of a step given to it, sent back to it, due soon, overdue, chased up, or instructed
 * on by leadership (and so do the units co-operating on it, and the unit it was handed to), and every unit on a directive of leadership's instruction on it; the office of a review waiting and of a step overdue or escalated; leadership of an
 * escalation. Its own processing group, handled with the writer (subscribing): the news is written in the
 * event's transaction, and never again on a rebuild.
 */
@Component
@ProcessingGroup(NotificationPolicy.PROCESSING_GROUP)
public class NotificationPolicy {

    public static final String PROCESSING_GROUP = "notifications";

    private final Outbox outbox;
    private final QueryGateway queries;

    public NotificationPolicy(Outbox outbox, QueryGateway queries) {
        this.outbox = outbox;
        this.queries = queries;
    }

    @EventHandler
    void on(TaskAssigned event) {
        if (event.supervisedTaskId() != null) {
            return;
        }
        if (event.candidateGroup().equals(Actor.COORDINATOR)) {
            outbox.record(Notice.REVIEW_WAITING, event.taskId(), null, Audience.office());
        } else if (!event.candidateGroup().equals(Actor.LEADER)) {
            outbox.record(Notice.NEW_STEP, event.taskId(), null, Audience.unit(event.candidateGroup()), event.dueAt());
            event.cooperatingFromStart().forEach(unit -> outbox.record(Notice.NEW_STEP, event.taskId(), null, Audience.unit(unit),
                    event.dueAt()));
        }
    }

    @EventHandler
    void on(TaskReturnedForRework event) {
        toTheUnits(Notice.RETURNED, event.taskId(), event.comment(), event.unitId());
    }

    @EventHandler
    void on(TaskDueSoon event) {
        toTheUnits(Notice.DUE_SOON, event.taskId(), null, event.unitId(), event.dueAt());
    }

    @EventHandler
    void on(TaskOverdue event) {
        toTheUnits(Notice.OVERDUE, event.taskId(), null, event.unitId(), event.dueAt());
        outbox.record(Notice.OVERDUE, event.taskId(), null, Audience.office(), event.dueAt());
    }

    @EventHandler
    void on(TaskChasedUp event) {
        Notice notice = switch (event.grade()) {
            case URGE -> Notice.URGED;
            case SUPERVISE -> Notice.CHASED_UP;
            case NOTIFY -> Notice.NOTIFIED;
        };
        toTheUnits(notice, event.taskId(), event.message(), event.unitId());
    }

    /** The office hears the unit's reply to its chase-up; kept with the notices, it answers the chase-up's receipt. */
    @EventHandler
    void on(ChaseUpAcknowledged event) {
        outbox.record(Notice.CHASE_UP_ANSWERED, event.taskId(), event.reply(), Audience.office());
    }

    @EventHandler
    void on(TaskEscalated event) {
        outbox.record(Notice.ESCALATED, event.taskId(), null, Audience.leadership());
        outbox.record(Notice.ESCALATED, event.taskId(), null, Audience.office());
    }

    @EventHandler
    void on(TaskCommented event) {
        if (event.instruction()) {
            toTheUnits(Notice.INSTRUCTION, event.taskId(), event.text(), event.unitId());
        }
    }

    @EventHandler
    void on(DirectiveCommented event) {
        if (event.instruction()) {
            String title = queries.query(new FindDirectiveComments(event.directiveId()), FindDirectiveComments.Thread.class)
                    .join().title();
            String note = (title == null ? "" : "《" + title + "》") + event.text();
            event.units().forEach(unit -> outbox.record(Notice.DIRECTIVE_INSTRUCTION, null, note, Audience.unit(unit)));
        }
    }

    /**
     * A unit's news about its step reaches the unit whose directive it is, the unit doing it now (a step handed
     * over) and the units co-operating on it.
     */
    private void toTheUnits(Notice notice, String taskId, String note, String unitId) {
        toTheUnits(notice, taskId, note, unitId, null);
    }

    private void toTheUnits(Notice notice, String taskId, String note, String unitId, java.time.Instant dueAt) {
        Set<String> units = new LinkedHashSet<>();
        units.add(unitId);
        TaskSummary task = queries.query(new FindTaskSummary(taskId), TaskSummary.class).join();
        if (task != null) {
            if (!task.isOfficeStep()) {
                units.add(task.candidateGroup());
            }
            units.addAll(task.cooperatingUnits());
        }
        units.forEach(unit -> outbox.record(notice, taskId, note, Audience.unit(unit), dueAt));
    }

    /** The people a notice is for: a unit's users, the office's or leadership's. */
    public record Audience(String unitId, Role role) {

        static Audience unit(String unitId) {
            return new Audience(unitId, null);
        }

        static Audience office() {
            return new Audience(null, Role.COORDINATOR);
        }

        static Audience leadership() {
            return new Audience(null, Role.LEADER);
        }
    }
}
