package org.expoflow.workflow.briefs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.TaskChaseUp;
import org.expoflow.projections.api.TaskDeadline;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitStatistics;

/**
 * The lists the office keeps, as tables for a spreadsheet: a task list, the overdue (or due-soon) list and the
 * statistics per unit, with the same rows the screen and the JSON give for the same filters. Headings and
 * statuses in Chinese and English like the brief's, units by name, times in the province's zone.
 */
public final class ListTables {

    /** Where a step stands, as the list's chip says it (TaskGlances' states), in both languages. */
    private static final Map<String, String> STATES = Map.of("WAITING", "待办理 Waiting", "WORKING", "办理中 In hand",
            "RETURNED", "被退回 Returned", "REVIEW", "待审核 In review", "CHASE_UP", "待督办 To chase up", "DONE", "已完成 Done");
    /** A step closed without being done: why. */
    private static final Map<TaskStatus, String> CLOSED = Map.of(TaskStatus.CANCELLED, "已取消 Cancelled",
            TaskStatus.WITHDRAWN, "已撤回 Withdrawn");
    private static final Map<ChaseUpGrade, String> GRADES = Map.of(ChaseUpGrade.URGE, "催办 Reminder",
            ChaseUpGrade.SUPERVISE, "督办 Chase-up", ChaseUpGrade.NOTIFY, "通报 Notification");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ListTables() {
    }

    /**
     * {@code stepNames}: a step's name as its reader says it (the kind's own texts); {@code states}: where it stands,
     * by the name of the state its list's chip shows (WAITING, WORKING, RETURNED, REVIEW, DONE, CLOSED).
     */
    public static BriefTables.Table tasks(List<TaskSummary> tasks, ZoneId zone, Map<String, String> unitNames,
                                          Function<TaskSummary, String> stepNames, Function<TaskSummary, String> states) {
        List<List<Object>> rows = new ArrayList<>();
        for (TaskSummary task : tasks) {
            List<Object> row = new ArrayList<>();
            TaskDeadline deadline = task.deadline();
            TaskChaseUp chaseUp = task.chaseUp();
            row.add(unitNames.getOrDefault(task.directive().unitId(), task.directive().unitId()));
            row.add(text(task.directive().directiveTitle()));
            row.add(text(stepNames.apply(task)));
            String state = states.apply(task);
            row.add(STATES.getOrDefault(state, CLOSED.getOrDefault(task.status(), state)));
            row.add(text(task.assignee()));
            row.add(task.progress().percent());
            row.add(time(deadline.dueAt(), zone));
            row.add(flag(deadline.overdue()));
            row.add(flag(deadline.dueSoon()));
            row.add(time(task.progress().latestReportAt(), zone));
            row.add(time(chaseUp.chasedUpAt(), zone));
            row.add(chaseUp.chaseUpGrade() == null ? "" : GRADES.get(chaseUp.chaseUpGrade()));
            row.add(text(task.returnComment()));
            row.add(!deadline.extensionAsked() ? "" : text(deadline.extensionRequest().dueAt(), zone) + " "
                    + text(deadline.extensionRequest().reason()));
            rows.add(row);
        }
        return new BriefTables.Table("任务清单 Tasks", List.of("单位 Unit", "任务 Directive", "环节 Step", "状态 Status",
                "办理人 Assignee", "进度% Percent", "期限 Due", "逾期 Overdue", "临期 Due soon", "最近汇报 Last report",
                "督办 Chased up", "督办等级 Grade", "退回意见 Returned with", "延期申请 Extension asked"), rows);
    }

    /** The overdue list, or with {@code dueSoon} the list of steps due soon. */
    public static BriefTables.Table deadlines(DeadlineList list, boolean dueSoon, ZoneId zone, Map<String, String> unitNames,
                                              Function<DeadlineList.Item, String> stepNames) {
        List<List<Object>> rows = new ArrayList<>();
        for (DeadlineList.Item item : list.items()) {
            rows.add(List.of(unitNames.getOrDefault(item.unitId(), item.unitId()), text(item.directiveTitle()),
                    text(stepNames.apply(item)), time(item.dueAt(), zone), item.daysLate(), flag(item.chasedUp()),
                    flag(item.escalated())));
        }
        return new BriefTables.Table(dueSoon ? "临期事项 Due soon" : "逾期事项 Overdue", List.of("单位 Unit", "任务 Directive",
                "环节 Step", "期限 Due", "逾期天数 Days late", "已督办 Chased up", "上报领导 Escalated"), rows);
    }

    public static BriefTables.Table statistics(UnitStatistics.Report report, Map<String, String> unitNames) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitStatistics unit : report.units()) {
            List<Object> row = new ArrayList<>();
            row.add(unit.name() == null ? unitNames.getOrDefault(unit.unitId(), unit.unitId()) : unit.name());
            row.add(unit.steps());
            row.add(unit.completed());
            row.add(unit.onTime());
            row.add(unit.late());
            row.add(unit.notYetDue());
            row.add(unit.overdue());
            row.add(unit.noDeadline());
            row.add(unit.completionRate() == null ? "" : unit.completionRate().multiply(HUNDRED).stripTrailingZeros());
            row.add(unit.averageDaysLate() == null ? "" : unit.averageDaysLate());
            row.add(unit.chaseUps());
            row.add(unit.chaseUpsAcknowledged());
            row.add(unit.averageHoursToAcknowledge() == null ? "" : unit.averageHoursToAcknowledge());
            rows.add(row);
        }
        return new BriefTables.Table("统计 Statistics", List.of("单位 Unit", "环节 Steps", "已完成 Completed", "按时 On time",
                "超期完成 Late", "未到期 Not yet due", "逾期 Overdue", "无期限 No deadline", "完成率% Completion rate",
                "平均超期天数 Average days late", "督办 Chase-ups", "已回执 Acknowledged",
                "平均回执小时 Average hours to acknowledge"), rows);
    }

    /** A line under the title: what the list is as of, in the province's time. */
    public static String asOf(Instant asOf, ZoneId zone) {
        return "截至 as of " + text(asOf, zone) + " · " + (zone.getId().equals("Asia/Shanghai") ? "北京时间 Beijing time" : zone.getId());
    }

    /** A time as a date cell in the province's time, or nothing. */
    private static Object time(Instant instant, ZoneId zone) {
        return instant == null ? "" : new DateCell(instant.atZone(zone).toLocalDateTime(), text(instant, zone), "yyyy-mm-dd hh:mm");
    }

    private static String text(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(instant);
    }

    private static String flag(boolean value) {
        return value ? "是 yes" : "";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
