package org.expoflow.workflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.projections.api.FindNextReports;
import org.expoflow.projections.api.NextReports;
import org.expoflow.projections.api.TaskDirective;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.UserDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What a busy clerk reads of a step in five seconds, in a list's row or at the top of the step's page: where it
 * stands (待办理, 办理中, 被退回, 待审核, 已完成), how long is left (剩余N天, 今天到期, 超期N天, in calendar days of the
 * province), who of the unit took it on (claimed, else nothing), whether the reader's unit only co-operates on it
 * (协办) and which unit leads it, and the next progress report its unit owes (下次汇报) when the directive asks for
 * reports every so often. Templates call it as {@code @taskGlances} for a countdown alone.
 */
@Service
public class TaskGlances {

    /** Where a step stands, as its chip says. */
    public enum State { WAITING, WORKING, RETURNED, REVIEW, CHASE_UP, DONE, CLOSED }

    /** How pressing its deadline is: past, within the due-soon lead or three days, later, or none. */
    public enum Urgency { LATE, SOON, CALM, NONE }

    /** {@code days} late when {@link Urgency#LATE} (at least 1), else left (0: due today). */
    public record Countdown(Urgency urgency, long days) {

        public boolean late() {
            return urgency == Urgency.LATE;
        }

        public boolean today() {
            return urgency != Urgency.LATE && urgency != Urgency.NONE && days == 0;
        }
    }

    /**
     * A step at a glance for its reader. {@code ownUnit}: the step is the reader's unit's own (a card need not name
     * the unit); {@code cooperating}: the reader's unit co-operates on it, led by {@code lead}; {@code claimedBy}: the
     * person of the unit who took it on, {@code claimedByReader} when that is the reader; {@code report}: the next
     * report its unit owes on the directive, or null.
     */
    public record Glance(State state, Countdown countdown, boolean ownUnit, boolean cooperating, String lead,
                         String claimedBy, boolean claimedByReader, NextReports.NextReport report) {
    }

    static final int SOON_DAYS = 3;

    private final QueryGateway queries;
    private final UserDirectory people;
    private final Clock clock;
    private final ZoneId provinceZone;

    TaskGlances(QueryGateway queries, UserDirectory people, Clock clock, @Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.queries = queries;
        this.people = people;
        this.clock = clock;
        this.provinceZone = provinceZone;
    }

    /** The glance of each of the steps a reader has been shown, by step id. */
    public Map<String, Glance> of(ExpoFlowUser user, List<TaskSummary> tasks) {
        Map<String, Glance> glances = new HashMap<>();
        if (tasks.isEmpty()) {
            return glances;
        }
        NextReports reports = nextReports(tasks.stream().filter(TaskSummary::isActive)
                .map(task -> task.directive().directiveId()).toList());
        Map<String, String> names = tasks.stream().anyMatch(task -> task.assignee() != null) ? people.displayNames() : Map.of();
        tasks.forEach(task -> glances.put(task.id(), glance(user, task, reports, names)));
        return glances;
    }

    /** The glance of one step. */
    public Glance of(ExpoFlowUser user, TaskSummary task) {
        return of(user, List.of(task)).get(task.id());
    }

    /** The reports the units owe on an expo's directives, the missed ones among them (for the office). */
    public NextReports nextReportsOfExpo(String expoId) {
        return queries.query(new FindNextReports(expoId, null), NextReports.class).join();
    }

    private NextReports nextReports(List<String> directiveIds) {
        List<String> distinct = directiveIds.stream().distinct().toList();
        return distinct.isEmpty() ? new NextReports(List.of())
                : queries.query(new FindNextReports(null, distinct), NextReports.class).join();
    }

    private Glance glance(ExpoFlowUser user, TaskSummary task, NextReports reports, Map<String, String> names) {
        boolean unitStep = !task.isOfficeStep();
        TaskDirective directive = task.directive();
        String lead = unitStep ? task.candidateGroup() : directive.unitId();
        boolean cooperating = user.isCity() && !user.unitId().equals(lead) && !user.unitId().equals(directive.unitId())
                && task.cooperatingUnits().contains(user.unitId());
        boolean ownUnit = user.isCity() && (user.unitId().equals(directive.unitId()) || user.unitId().equals(task.candidateGroup()));
        NextReports.NextReport report = task.isActive() && unitStep && task.supervisedTaskId() == null
                ? reports.of(directive.directiveId(), directive.unitId()).orElse(null) : null;
        String assignee = task.isActive() ? task.assignee() : null;
        return new Glance(state(task), task.isActive() ? countdown(task.deadline().dueAt(), task.deadline().dueSoon())
                        : new Countdown(Urgency.NONE, 0),
                ownUnit, cooperating, lead, assignee == null ? null : names.getOrDefault(assignee, assignee),
                assignee != null && assignee.equals(user.getUsername()), report);
    }

    /** Where a step stands, as its chip says, whoever reads it: a list's file says the same. */
    public static State state(TaskSummary task) {
        if (task.status() == TaskStatus.COMPLETED) {
            return State.DONE;
        }
        if (!task.isActive()) {
            return State.CLOSED;
        }
        if (task.isOfficeStep()) {
            // the office's own step of a chase-up is a chase-up to send, not a unit's work to review
            return task.supervisedTaskId() != null ? State.CHASE_UP : State.REVIEW;
        }
        if (task.awaitsRework()) {
            return State.RETURNED;
        }
        // reported on, or taken on by someone: being worked on, claimed or not
        return task.status() == TaskStatus.CLAIMED || task.progress().begun()
                ? State.WORKING : State.WAITING;
    }

    /** How long is left until {@code dueAt}, or how long it is past, in the province's calendar days. */
    public Countdown countdown(Instant dueAt, boolean dueSoon) {
        if (dueAt == null) {
            return new Countdown(Urgency.NONE, 0);
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(provinceZone).toLocalDate();
        LocalDate due = dueAt.atZone(provinceZone).toLocalDate();
        if (dueAt.isBefore(now)) {
            return new Countdown(Urgency.LATE, Math.max(1, ChronoUnit.DAYS.between(due, today)));
        }
        long left = ChronoUnit.DAYS.between(today, due);
        return new Countdown(dueSoon || left <= SOON_DAYS ? Urgency.SOON : Urgency.CALM, left);
    }

    /** The whole days a deadline is past (at least one once it is): the office's overdue list says 超期N天. */
    public long daysLate(Instant dueAt) {
        Countdown countdown = countdown(dueAt, false);
        return countdown.late() ? countdown.days() : 0;
    }
}
