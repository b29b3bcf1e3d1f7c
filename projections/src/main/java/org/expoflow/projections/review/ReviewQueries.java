package org.expoflow.projections.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FindBrief;
import org.expoflow.projections.api.FindDeadlineList;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.projections.api.FindMeeting;
import org.expoflow.projections.api.FindReportsDue;
import org.expoflow.projections.api.FindStatistics;
import org.expoflow.projections.api.FindTrend;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.MeetingBrief.BriefTask;
import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.projections.api.ReportsDue;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.Trend;
import org.expoflow.projections.api.UnitStatistics;
import org.expoflow.projections.catalogue.BoardQueries;
import org.expoflow.projections.figures.FiguresProjection;
import org.expoflow.projections.support.ReportingDue;
import org.expoflow.projections.support.Times;
import org.expoflow.projections.tasks.BriefHistoryReadings;
import org.expoflow.projections.tasks.ExpoTaskReadings;
import org.expoflow.projections.tasks.UnitStepReadings;
import org.expoflow.projections.tasks.UnitStepReadings.UnitStep;
import org.expoflow.projections.tasks.UnitStepTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Statistics, overdue and due-soon lists, trends and meeting briefs: all read from the versions the
 * projections keep, so each answers as of any instant, and a brief taken again is the same.
 */
@Component
public class ReviewQueries {

    private final ExpoTaskReadings tasks;
    private final UnitStepReadings unitSteps;
    private final BriefHistoryReadings briefHistory;
    private final BoardQueries boards;
    private final FiguresProjection figures;
    private final MeetingProjection meetings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TrendDays trendDays;

    public ReviewQueries(ExpoTaskReadings tasks, UnitStepReadings unitSteps, BriefHistoryReadings briefHistory,
                         BoardQueries boards, FiguresProjection figures, MeetingProjection meetings, JdbcTemplate jdbc,
                         Clock clock) {
        this.tasks = tasks;
        this.unitSteps = unitSteps;
        this.briefHistory = briefHistory;
        this.boards = boards;
        this.figures = figures;
        this.meetings = meetings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.trendDays = new TrendDays(unitSteps, jdbc);
    }

    /** A unit's own step: not the office's review, not a chase-up, not closed by the engine or a withdrawal. */
    static boolean isUnitStep(TaskSummary task) {
        return task.supervisedTaskId() == null && !task.isOfficeStep()
                && task.status() != TaskStatus.CANCELLED && task.status() != TaskStatus.WITHDRAWN;
    }

    @QueryHandler
    UnitStatistics.Report handle(FindStatistics query) {
        Instant asOf = asOf(query.asOf());
        Map<String, UnitStepTally> tallies;
        Map<String, List<UnitStep>> stepsByUnit;
        if (query.asOf() == null) {
            // the present: counted by the database; read are only the steps of directives asking for reports, all
            // that the reports overdue look at
            tallies = unitSteps.unitStepTalliesNow(query.expoId(), asOf);
            stepsByUnit = unitSteps.unitStepsOfDirectivesReportingNow(query.expoId()).stream()
                    .collect(Collectors.groupingBy(UnitStep::unitId));
        } else {
            stepsByUnit = unitSteps.unitStepsOfExpo(query.expoId(), asOf, false).stream()
                    .collect(Collectors.groupingBy(UnitStep::unitId));
            tallies = new HashMap<>();
            stepsByUnit.forEach((unitId, steps) -> tallies.put(unitId, UnitStepTally.of(steps, asOf)));
        }
        List<UnitStatistics> units = new ArrayList<>();
        Map<String, Integer> reportsOverdue = reportsOverdue(query.expoId(), asOf, stepsByUnit);
        unitNames(query.expoId(), asOf).forEach((unitId, name) ->
                units.add(statistics(unitId, name, tallies.getOrDefault(unitId, UnitStepTally.NONE),
                        reportsOverdue.getOrDefault(unitId, 0))));
        return new UnitStatistics.Report(query.expoId(), asOf, units);
    }

    /** Per unit, the reports it owed at {@code asOf} and had missed ({@link ReportsOwed}). */
    private Map<String, Integer> reportsOverdue(String expoId, Instant asOf, Map<String, List<UnitStep>> stepsByUnit) {
        Map<String, Integer> missing = new HashMap<>();
        ReportsOwed.at(jdbc, expoId, asOf, stepsByUnit.values().stream().flatMap(List::stream).toList()).stream()
                .filter(owed -> owed.missedBy(asOf)).forEach(owed -> missing.merge(owed.unitId(), 1, Integer::sum));
        return missing;
    }

    @QueryHandler
    ReportsDue handle(FindReportsDue query) {
        record Open(String directiveId, String unitId, String reportEvery, Instant issuedAt) {
        }
        List<Open> open = jdbc.query("select u.unit_id, u.directive_id, d.report_every, d.issued_at from directive_unit_view u"
                        + " join directive_view d on d.directive_id = u.directive_id where d.report_every is not null"
                        + " and u.finished_at is null and d.withdrawn_at is null",
                (rs, n) -> new Open(rs.getString("directive_id"), rs.getString("unit_id"), rs.getString("report_every"),
                        Times.instant(rs, "issued_at")));
        if (open.isEmpty()) {
            return new ReportsDue(List.of());
        }
        Map<String, List<TaskSummary>> steps = unitSteps.unitStepsOfDirectivesReporting().stream()
                .collect(Collectors.groupingBy(step -> step.directive().directiveId() + "/" + step.directive().unitId()));
        List<ReportsDue.ReportDue> due = new ArrayList<>();
        for (Open assignment : open) {
            List<TaskSummary> itsSteps = steps.getOrDefault(assignment.directiveId() + "/" + assignment.unitId(), List.of());
            Instant dueAt = ReportingDue.after(assignment.reportEvery(), BoardQueries.lastActivity(itsSteps, assignment.issuedAt()));
            itsSteps.stream().filter(TaskSummary::isActive).findFirst()
                    .filter(step -> dueAt != null && !dueAt.isAfter(query.asOf()))
                    .ifPresent(step -> due.add(new ReportsDue.ReportDue(assignment.directiveId(), assignment.unitId(), step.id(),
                            step.candidateGroup(), step.cooperatingUnits(), dueAt, assignment.reportEvery())));
        }
        return new ReportsDue(due);
    }

    private static UnitStatistics statistics(String unitId, String name, UnitStepTally tally, int reportsOverdue) {
        return new UnitStatistics(unitId, name, tally.steps(), tally.completed(), tally.onTime(), tally.late(),
                tally.notYetDue(), tally.overdue(), tally.noDeadline(), ratio(BigDecimal.valueOf(tally.completed()), tally.steps(), 3),
                ratio(tally.daysLate(), tally.late(), 1), tally.chaseUps(), tally.acknowledged(),
                ratio(tally.hoursToAcknowledge(), tally.acknowledged(), 1), reportsOverdue);
    }

    @QueryHandler
    DeadlineList handle(FindDeadlineList query) {
        Instant asOf = asOf(query.asOf());
        return deadlineList(query, asOf, tasks.openTasksOfExpoByDeadline(query.expoId(), asOf, query.asOf() == null, query.dueSoon()));
    }

    private static DeadlineList deadlineList(FindDeadlineList query, Instant asOf, List<TaskSummary> tasksThen) {
        Predicate<TaskSummary> listed = query.dueSoon()
                ? task -> task.deadline().dueSoon()
                : task -> task.deadline().passedAt(asOf);
        List<DeadlineList.Item> items = tasksThen.stream()
                .filter(ReviewQueries::isUnitStep).filter(TaskSummary::isActive).filter(listed)
                .map(task -> new DeadlineList.Item(task.id(), task.directive().unitId(), task.directive().directiveId(),
                        task.directive().directiveTitle(), task.step().stepName(), task.deadline().dueAt(),
                        UnitStepTally.days(Duration.between(task.deadline().dueAt(), asOf)), task.chaseUp().replyAsked(),
                        task.deadline().escalated(), task.step().kind(), task.step().stepKey(),
                        task.chaseUp().chaseUpGrade()))
                .sorted(order(query.sort()))
                .toList();
        return new DeadlineList(query.expoId(), asOf, items);
    }

    /** By days late, most late first (the default), or by unit or directive; a leading - reverses. */
    static Comparator<DeadlineList.Item> order(String sort) {
        String key = sort == null || sort.isBlank() ? "-daysLate" : sort;
        boolean descending = key.startsWith("-");
        Comparator<DeadlineList.Item> order = switch (descending ? key.substring(1) : key) {
            case "daysLate" -> Comparator.comparing(DeadlineList.Item::daysLate);
            case "unitId" -> Comparator.comparing(DeadlineList.Item::unitId);
            case "directive" -> Comparator.comparing(DeadlineList.Item::directiveTitle, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> throw new IllegalArgumentException("sort: by daysLate, unitId or directive, with a leading - to reverse");
        };
        return (descending ? order.reversed() : order).thenComparing(DeadlineList.Item::taskId);
    }

    public static final Set<String> SORT_KEYS = Set.of("daysLate", "unitId", "directive");

    @QueryHandler
    Trend handle(FindTrend query) {
        Instant asOf = asOf(query.asOf());
        List<Instant> planned = jdbc.query("select planned_at from expo_view where expo_id = ?",
                (rs, n) -> Times.instant(rs, "planned_at"), query.expoId());
        if (planned.isEmpty()) {
            return null;
        }
        return new Trend(query.expoId(), asOf, trendDays.days(query.expoId(), planned.get(0), asOf, query.zone(), clock.instant()));
    }

    @QueryHandler
    MeetingBrief handle(FindBrief query) {
        MeetingRecord meeting = meetings.handle(new FindMeeting(query.meetingId()));
        if (meeting == null) {
            return null;
        }
        Instant asOf = meeting.asOf();
        MeetingRecord previous = meetings.previous(meeting);
        Instant since = previous == null ? Instant.EPOCH : previous.asOf();
        // the tasks as of the meeting are read once, for the board, the overdue list and the changes
        List<TaskSummary> now = tasks.tasksOfExpo(meeting.expoId(), asOf);
        Board board = boards.board(meeting.expoId(), asOf, now);
        FiguresReport figuresNow = figures.figures(new FindFigures(meeting.expoId(), asOf));
        DeadlineList overdue = deadlineList(new FindDeadlineList(meeting.expoId(), asOf, false, null), asOf, now);

        Map<String, TaskSummary> then = tasks.tasksOfExpo(meeting.expoId(), since).stream()
                .collect(Collectors.toMap(TaskSummary::id, task -> task));
        List<BriefTask> newTasks = new ArrayList<>();
        List<BriefTask> finished = new ArrayList<>();
        List<BriefTask> newlyOverdue = new ArrayList<>();
        for (TaskSummary task : now) {
            if (task.supervisedTaskId() != null) {
                continue;
            }
            TaskSummary before = then.get(task.id());
            if (before == null && task.assignedAt().isAfter(since)) {
                newTasks.add(brief(task));
            }
            if (task.status() == TaskStatus.COMPLETED && (before == null || before.status() != TaskStatus.COMPLETED)) {
                finished.add(brief(task));
            }
            if (task.deadline().overdue() && (before == null || !before.deadline().overdue())) {
                newlyOverdue.add(brief(task));
            }
        }
        Map<String, Map<String, BigDecimal>> deltas = new TreeMap<>();
        FiguresReport figuresThen = previous == null ? null : figures.figures(new FindFigures(meeting.expoId(), since));
        for (FiguresReport.UnitFigures unit : figuresNow.units()) {
            Map<String, BigDecimal> unitDeltas = new TreeMap<>();
            Map<String, FiguresReport.FigureAgainstTarget> before = figuresThen == null ? Map.of() : figuresThen.units().stream()
                    .filter(u -> u.unitId().equals(unit.unitId())).findFirst().map(FiguresReport.UnitFigures::figures)
                    .orElse(Map.of());
            unit.figures().forEach((figure, value) -> {
                BigDecimal delta = value.value().subtract(before.containsKey(figure) ? before.get(figure).value() : BigDecimal.ZERO);
                if (delta.signum() != 0) {
                    unitDeltas.put(figure, delta.stripTrailingZeros());
                }
            });
            if (!unitDeltas.isEmpty()) {
                deltas.put(unit.unitId(), unitDeltas);
            }
        }
        List<MeetingBrief.BriefChaseUp> chaseUps = briefHistory.chaseUpsOfExpo(meeting.expoId(), since, asOf);
        List<MeetingBrief.BriefNotified> notified = chaseUps.stream().filter(c -> c.grade() == ChaseUpGrade.NOTIFY)
                .map(c -> new MeetingBrief.BriefNotified(c.at(), c.taskId(), c.unitId(), c.directiveTitle(), c.stepName(),
                        c.kind(), c.stepKey(), c.chasedBy(), c.message())).toList();
        return new MeetingBrief(meeting, previous == null ? null : previous.meetingId(), previous == null ? null : since,
                board, figuresNow, overdue, new MeetingBrief.Changes(newTasks, finished, newlyOverdue, deltas),
                briefHistory.instructionsOfExpo(meeting.expoId(), since, asOf), notified, chaseUps,
                briefHistory.extensionsOfExpo(meeting.expoId(), since, asOf), progress(now, since, asOf));
    }

    /** How the units' own steps stand at {@code asOf}, and what fell due and was done since {@code since}. */
    private static MeetingBrief.Progress progress(List<TaskSummary> now, Instant since, Instant asOf) {
        int steps = 0;
        int done = 0;
        int overdue = 0;
        int dueSince = 0;
        int doneOfDueSince = 0;
        int doneSince = 0;
        for (TaskSummary task : now) {
            if (!isUnitStep(task)) {
                continue;
            }
            boolean completed = task.status() == TaskStatus.COMPLETED;
            steps++;
            done += completed ? 1 : 0;
            overdue += task.deadline().overdue() ? 1 : 0;
            if (task.deadline().fellDueBetween(since, asOf)) {
                dueSince++;
                doneOfDueSince += completed ? 1 : 0;
            }
            if (completed && task.closedAt() != null && task.closedAt().isAfter(since)) {
                doneSince++;
            }
        }
        return new MeetingBrief.Progress(steps, done, overdue, dueSince, doneOfDueSince, doneSince);
    }

    private static BriefTask brief(TaskSummary task) {
        return new BriefTask(task.id(), task.directive().unitId(), task.directive().directiveTitle(), task.step().stepName(),
                task.deadline().dueAt(), task.status(), task.step().kind(), task.step().stepKey());
    }

    private Map<String, String> unitNames(String expoId, Instant asOf) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("select unit_id, name from expo_unit_view where expo_id = ? and (enrolled_at is null or enrolled_at <= ?)"
                + " order by unit_id", rs -> { names.put(rs.getString("unit_id"), rs.getString("name")); }, expoId, Times.utc(asOf));
        return names;
    }

    private Instant asOf(Instant asked) {
        return asked != null ? asked : clock.instant();
    }

    private static BigDecimal ratio(BigDecimal sum, int count, int scale) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
    }
}
