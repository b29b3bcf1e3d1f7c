package org.expoflow.workflow.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.projections.api.FindReportsDue;
import org.expoflow.projections.api.FindStepsToRemind;
import org.expoflow.projections.api.ReportsDue;
import org.expoflow.projections.api.StepsToRemind;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.expoflow.workflow.kinds.ReminderCadence;
import org.expoflow.workflow.notifications.NotificationPolicy.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tiered reminders of a unit's open step, on top of the due-soon and overdue notices its deadline records:
 * before the deadline at each lead of {@code remindBefore} (7 days unless the kind says otherwise, e.g.
 * {@code P14D,P7D}), then every {@code remindOverdueEvery} (a day) while it stays overdue (see
 * {@link ReminderCadence}); the defaults are {@code expoflow.notifications.remind-before} and
 * {@code remind-overdue-every}. With the due-soon notice (3 days before) and the overdue one (at the deadline),
 * a unit hears of a step 7 days, 3 days and 0 days before its deadline, then daily.
 * <p>
 * Every few minutes ({@code remind-every}) each node looks at the open steps whose next tier may have come: a
 * tier reached is written once (its row in {@code task_reminder} is the proof, so two nodes never both remind),
 * with its notices, in one transaction. Only the latest tier reached reminds: a step given out two days before
 * its deadline gets no "7 days left". An extended deadline starts the tiers again. Reminders are news, not
 * facts of the step: they are not events, and a rebuild of the read models sends none.
 * <p>
 * A directive that wants a progress report every so often reminds the unit (and its co-operating units) on the
 * day its report falls due and every day it stays missing.
 */
@Component
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    /** A tier reached: its key ({@code before:P3D}, {@code overdue:2}), the notice and the days it says. */
    record Tier(String key, Notice notice, long days) {
    }

    private final QueryGateway queries;
    private final DirectiveKindCatalogue kinds;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReminderCadence defaults;

    public Reminders(QueryGateway queries, DirectiveKindCatalogue kinds, Outbox outbox, JdbcTemplate jdbc,
                     PlatformTransactionManager transactionManager, Clock clock,
                     @Value("${expoflow.notifications.remind-before:P7D}") String remindBefore,
                     @Value("${expoflow.notifications.remind-overdue-every:P1D}") String remindOverdueEvery) {
        this.queries = queries;
        this.kinds = kinds;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.defaults = ReminderCadence.parse(remindBefore, remindOverdueEvery, "expoflow.notifications.remind-before",
                "expoflow.notifications.remind-overdue-every");
    }

    @Scheduled(initialDelayString = "${expoflow.notifications.remind-every:PT5M}",
            fixedDelayString = "${expoflow.notifications.remind-every:PT5M}")
    public void remind() {
        try {
            remindDue(clock.instant());
        } catch (RuntimeException notNow) {
            // the read models rebuilding, the database away: the tiers wait for the next look, nothing is lost
            log.info("reminders not looked at this time: {}", notNow.getMessage());
        }
    }

    /** Reminds of every tier reached at {@code now} and not yet reminded of; how many steps were reminded. */
    public int remindDue(Instant now) {
        Map<String, ReminderCadence> cadences = new HashMap<>();
        Duration longestLead = defaults.longestLead();
        for (DirectiveKind kind : kinds.all()) {
            ReminderCadence cadence = kinds.reminderCadence(kind.key(), defaults);
            cadences.put(kind.key(), cadence);
            longestLead = cadence.longestLead().compareTo(longestLead) > 0 ? cadence.longestLead() : longestLead;
        }
        List<TaskSummary> steps = queries.query(new FindStepsToRemind(now.plus(longestLead)), StepsToRemind.class)
                .join().steps();
        int reminded = 0;
        for (TaskSummary step : steps) {
            // a kind no longer deployed reminds by the defaults
            ReminderCadence cadence = cadences.getOrDefault(step.step().kind(), defaults);
            Instant dueAt = step.deadline().dueAt();
            Tier tier = tierReached(cadence, dueAt, now);
            if (tier != null && remindOnce(step.id(), dueAt, tier, Long.toString(tier.days()), audience(step.candidateGroup(),
                    step.cooperatingUnits()), now)) {
                reminded++;
            }
        }
        for (ReportsDue.ReportDue report : queries.query(new FindReportsDue(now), ReportsDue.class).join().reports()) {
            // on the day it falls due, then every day it is still missing
            Tier tier = new Tier("report:" + Duration.between(report.dueAt(), now).toDays(), Notice.REPORT_DUE, 0);
            if (remindOnce(report.taskId(), report.dueAt(), tier, report.reportEvery(),
                    audience(report.candidateGroup(), report.cooperatingUnits()), now)) {
                reminded++;
            }
        }
        return reminded;
    }

    private static List<Audience> audience(String candidateGroup, List<String> cooperatingUnits) {
        List<Audience> audience = new java.util.ArrayList<>();
        audience.add(Audience.unit(candidateGroup));
        cooperatingUnits.forEach(unit -> audience.add(Audience.unit(unit)));
        return audience;
    }

    /** The latest tier of {@code cadence} reached at {@code now} for a deadline {@code dueAt}, or none. */
    static Tier tierReached(ReminderCadence cadence, Instant dueAt, Instant now) {
        if (now.isBefore(dueAt)) {
            Duration left = Duration.between(now, dueAt);
            return cadence.before().stream().filter(lead -> left.compareTo(lead) <= 0).min(Comparator.naturalOrder())
                    .map(lead -> new Tier("before:" + lead, Notice.REMINDER_BEFORE, daysRoundedUp(left)))
                    .orElse(null);
        }
        long periods = Duration.between(dueAt, now).dividedBy(cadence.overdueEvery());
        if (periods < 1) {
            return null;
        }
        return new Tier("overdue:" + periods, Notice.REMINDER_OVERDUE,
                Duration.between(dueAt, now).toDays());
    }

    private boolean remindOnce(String taskId, Instant dueAt, Tier tier, String note, List<Audience> audience, Instant now) {
        Boolean reminded = transactions.execute(status -> {
            try {
                jdbc.update("insert into task_reminder (task_id, due_at, tier, reminded_at) values (?, ?, ?, ?)",
                        taskId, Timestamp.from(dueAt), tier.key(), Timestamp.from(now));
            } catch (DuplicateKeyException alreadyReminded) {
                status.setRollbackOnly();
                return false;
            }
            audience.forEach(people -> outbox.record(tier.notice(), taskId, note, people));
            return true;
        });
        return Boolean.TRUE.equals(reminded);
    }

    private static long daysRoundedUp(Duration left) {
        long days = left.toDays();
        return left.equals(Duration.ofDays(days)) ? days : days + 1;
    }

}
