package org.expoflow.workflow.briefs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.MeetingRecord;

/**
 * The brief as tables, the one source of both files, so the spreadsheet and the PDF carry the same
 * numbers as the JSON. Headings are in Chinese and English; instants are written in UTC.
 */
public final class BriefTables {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public record Table(String title, List<String> headers, List<List<Object>> rows) {
    }

    private BriefTables() {
    }

    public static String title(MeetingBrief brief) {
        return brief.meeting().title() + " — 会议简报 Meeting brief";
    }

    public static String subtitle(MeetingBrief brief) {
        return brief.board().expoName() + " · 截至 as of " + text(brief.meeting().asOf())
                + (brief.previousAsOf() == null ? "" : " · 上次会议 previous meeting " + text(brief.previousAsOf()));
    }

    public static List<Table> of(MeetingBrief brief) {
        List<Table> tables = new ArrayList<>();
        tables.add(board(brief.board()));
        tables.add(figures(brief.figures()));
        tables.add(overdue(brief.overdue()));
        tables.add(changes(brief.changes()));
        tables.add(figureDeltas(brief.changes().figureDeltas()));
        tables.add(reports(brief.meeting()));
        tables.add(decisions(brief.meeting()));
        return tables;
    }

    private static Table board(Board board) {
        List<List<Object>> rows = new ArrayList<>();
        for (Board.BoardUnit unit : board.units()) {
            for (Board.BoardCell cell : unit.cells()) {
                String title = board.directives().stream().filter(d -> d.directiveId().equals(cell.directiveId()))
                        .map(Board.BoardDirective::title).findFirst().orElse(cell.directiveId());
                rows.add(List.of(unit.name(), title, cell.status().name(), cell.percent(), text(cell.dueAt()),
                        flag(cell.overdue()), flag(cell.dueSoon()), flag(cell.escalated())));
            }
        }
        return new Table("看板 Board", List.of("单位 Unit", "任务 Directive", "状态 Status", "进度% Percent", "期限 Due",
                "逾期 Overdue", "临期 Due soon", "上报领导 Escalated"), rows);
    }

    private static Table figures(FiguresReport figures) {
        List<List<Object>> rows = new ArrayList<>();
        for (FiguresReport.UnitFigures unit : figures.units()) {
            unit.figures().forEach((figure, value) -> rows.add(row(unit.name(), figure, value)));
        }
        figures.total().forEach((figure, value) -> rows.add(row("合计 Total", figure, value)));
        return new Table("指标 Figures", List.of("单位 Unit", "指标 Figure", "完成 Value", "目标 Target"), rows);
    }

    private static List<Object> row(String unit, String figure, FiguresReport.FigureAgainstTarget value) {
        List<Object> row = new ArrayList<>();
        row.add(unit);
        row.add(figure);
        row.add(value.value());
        row.add(value.target() == null ? "" : value.target());
        return row;
    }

    private static Table overdue(DeadlineList overdue) {
        List<List<Object>> rows = new ArrayList<>();
        for (DeadlineList.Item item : overdue.items()) {
            rows.add(List.of(item.unitId(), nonNull(item.directiveTitle()), nonNull(item.stepName()), text(item.dueAt()),
                    item.daysLate(), flag(item.chasedUp()), flag(item.escalated())));
        }
        return new Table("逾期事项 Overdue", List.of("单位 Unit", "任务 Directive", "环节 Step", "期限 Due", "逾期天数 Days late",
                "已督办 Chased up", "上报领导 Escalated"), rows);
    }

    private static Table changes(MeetingBrief.Changes changes) {
        List<List<Object>> rows = new ArrayList<>();
        changes.newTasks().forEach(task -> rows.add(change("新增 New", task)));
        changes.finishedTasks().forEach(task -> rows.add(change("完成 Finished", task)));
        changes.newlyOverdue().forEach(task -> rows.add(change("新逾期 Newly overdue", task)));
        return new Table("变化 Since the previous meeting", List.of("变化 Change", "单位 Unit", "任务 Directive", "环节 Step",
                "期限 Due"), rows);
    }

    private static List<Object> change(String kind, MeetingBrief.BriefTask task) {
        return List.of(kind, task.unitId(), nonNull(task.directiveTitle()), nonNull(task.stepName()), text(task.dueAt()));
    }

    private static Table figureDeltas(Map<String, Map<String, BigDecimal>> deltas) {
        List<List<Object>> rows = new ArrayList<>();
        deltas.forEach((unit, figures) -> figures.forEach((figure, delta) -> rows.add(List.of(unit, figure, delta))));
        return new Table("指标变化 Figure changes", List.of("单位 Unit", "指标 Figure", "变化 Change"), rows);
    }

    private static Table reports(MeetingRecord meeting) {
        List<List<Object>> rows = new ArrayList<>();
        meeting.reports().forEach(report -> rows.add(List.of(report.unitId(), nonNull(report.progress()),
                nonNull(report.problems()), nonNull(report.suggestions()))));
        return new Table("单位汇报 Unit reports", List.of("单位 Unit", "进展 Progress", "困难问题 Problems",
                "意见建议 Suggestions"), rows);
    }

    private static Table decisions(MeetingRecord meeting) {
        List<List<Object>> rows = new ArrayList<>();
        meeting.decisions().forEach(decision -> rows.add(List.of(decision.text(), String.join(", ", decision.directiveIds()))));
        return new Table("会议决定 Decisions", List.of("决定 Decision", "下达任务 Directives issued"), rows);
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return INSTANT.format(instant);
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static String flag(boolean value) {
        return value ? "是 yes" : "";
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
