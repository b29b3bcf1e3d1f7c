package org.expoflow.workflow.briefs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.workflow.kinds.FigureWords;

/**
 * The brief as tables, the one source of both files, so the spreadsheet and the PDF carry the same
 * numbers as the JSON. Headings and statuses are in Chinese and English, units by their names, times in the
 * province's zone, figures by their keys (as the JSON) with their kinds' names and units beside the numbers.
 */
public final class BriefTables {

    private static final Map<String, String> STATUSES = Map.of("NOT_STARTED", "未开始 Not started",
            "IN_PROGRESS", "推进中 In progress", "SUBMITTED", "待审核 Submitted", "RETURNED", "被退回 Returned",
            "DONE", "已完成 Done", "WITHDRAWN", "已撤回 Withdrawn");

    static final String NAME = "名称 Name";
    static final String MEASURE = "计量单位 Measure";

    public record Table(String title, List<String> headers, List<List<Object>> rows) {
    }

    private BriefTables() {
    }

    public static String title(MeetingBrief brief) {
        return brief.meeting().title() + " — 会议简报 Meeting brief";
    }

    public static String subtitle(MeetingBrief brief, ZoneId zone) {
        Times times = new Times(zone, Map.of());
        return brief.board().expoName() + " · 截至 as of " + times.text(brief.meeting().asOf())
                + (brief.previousAsOf() == null ? "" : " · 上次会议 previous meeting " + times.text(brief.previousAsOf()))
                + " · " + (zone.getId().equals("Asia/Shanghai") ? "北京时间 Beijing time" : zone.getId());
    }

    /**
     * The tables, people named as {@code people} names them (their display names), figures as {@code figures} does
     * (the kinds' words); a figure it does not name is shown by its key alone.
     */
    public static List<Table> of(MeetingBrief brief, ZoneId zone, Map<String, String> people,
                                 Map<String, FigureWords.NamedFigure> figures) {
        Map<String, String> unitNames = new java.util.HashMap<>();
        brief.board().units().forEach(unit -> unitNames.put(unit.unitId(), unit.name()));
        Times words = new Times(zone, unitNames);
        List<Table> tables = new ArrayList<>();
        tables.add(board(brief.board(), words));
        tables.add(figures(brief.figures(), figures));
        tables.add(ListTables.deadlines(brief.overdue(), false, zone, unitNames, DeadlineList.Item::stepName));
        tables.add(changes(brief.changes(), words));
        tables.add(figureDeltas(brief.changes().figureDeltas(), words, figures));
        tables.add(reports(brief.meeting(), words));
        tables.add(decisions(brief.meeting()));
        tables.add(instructions(brief.instructions(), words, people));
        tables.add(notified(brief.notified(), words, people));
        return tables;
    }

    /** The units the office named (通报) since the previous meeting: a section of its own. */
    private static Table notified(List<MeetingBrief.BriefNotified> notified, Times words, Map<String, String> people) {
        List<List<Object>> rows = new ArrayList<>();
        notified.forEach(one -> rows.add(List.of(words.unit(one.unitId()), nonNull(one.directiveTitle()),
                nonNull(one.stepName()), words.text(one.at()), people.getOrDefault(one.chasedBy(), one.chasedBy()),
                nonNull(one.message()))));
        return new Table("通报 Units named", List.of("单位 Unit", "任务 Directive", "环节 Step", "通报时间 When", "通报人 By",
                "通报内容 Message"), rows);
    }

    private static Table instructions(List<MeetingBrief.BriefInstruction> instructions, Times words, Map<String, String> people) {
        List<List<Object>> rows = new ArrayList<>();
        instructions.forEach(instruction -> rows.add(List.of(words.text(instruction.at()),
                people.getOrDefault(instruction.author(), instruction.author()),
                instruction.unitId() == null ? "全部承办单位 All its units" : words.unit(instruction.unitId()),
                nonNull(instruction.directiveTitle()), nonNull(instruction.stepName()), instruction.text())));
        return new Table("领导批示 Instructions", List.of("时间 When", "批示人 By", "单位 Unit", "任务 Directive", "环节 Step",
                "批示 Instruction"), rows);
    }

    /** Times in the province's zone, units by name. */
    private record Times(ZoneId zone, Map<String, String> unitNames) {

        String text(Instant instant) {
            return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(instant);
        }

        String unit(String unitId) {
            return unitNames.getOrDefault(unitId, unitId);
        }
    }

    /** A file name for the brief: the expo, the meeting and its day, without characters a file system refuses. */
    public static String fileName(MeetingBrief brief, ZoneId zone, String extension) {
        String day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone).format(brief.meeting().asOf());
        String name = brief.board().expoName() + " " + brief.meeting().title() + " " + day;
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip() + "." + extension;
    }

    private static Table board(Board board, Times words) {
        List<List<Object>> rows = new ArrayList<>();
        for (Board.BoardUnit unit : board.units()) {
            for (Board.BoardCell cell : unit.cells()) {
                String title = board.directives().stream().filter(d -> d.directiveId().equals(cell.directiveId()))
                        .map(Board.BoardDirective::title).findFirst().orElse(cell.directiveId());
                rows.add(List.of(unit.name(), title, STATUSES.getOrDefault(cell.status().name(), cell.status().name()),
                        cell.percent(), words.text(cell.dueAt()),
                        flag(cell.overdue()), flag(cell.dueSoon()), flag(cell.escalated())));
            }
        }
        return new Table("看板 Board", List.of("单位 Unit", "任务 Directive", "状态 Status", "进度% Percent", "期限 Due",
                "逾期 Overdue", "临期 Due soon", "上报领导 Escalated"), rows);
    }

    /** Figures per unit and in total against their targets: the brief's table, and the figures list as a file. */
    public static Table figures(FiguresReport figures, Map<String, FigureWords.NamedFigure> named) {
        List<List<Object>> rows = new ArrayList<>();
        for (FiguresReport.UnitFigures unit : figures.units()) {
            unit.figures().forEach((figure, value) -> rows.add(row(unit.name(), figure, value, named)));
        }
        figures.total().forEach((figure, value) -> rows.add(row("合计 Total", figure, value, named)));
        return new Table("指标 Figures", List.of("单位 Unit", "指标 Figure", "完成 Value", "目标 Target", NAME, MEASURE), rows);
    }

    private static List<Object> row(String unit, String figure, FiguresReport.FigureAgainstTarget value,
                                    Map<String, FigureWords.NamedFigure> named) {
        List<Object> row = new ArrayList<>();
        row.add(unit);
        row.add(figure);
        row.add(value.value());
        row.add(value.target() == null ? "" : value.target());
        row.addAll(words(figure, named));
        return row;
    }

    /** A figure's name and unit, the two columns beside its numbers. */
    static List<Object> words(String figure, Map<String, FigureWords.NamedFigure> named) {
        FigureWords.NamedFigure words = named.get(figure);
        return words == null ? List.of(figure, "") : List.of(words.name(), words.unit());
    }

    private static Table changes(MeetingBrief.Changes changes, Times words) {
        List<List<Object>> rows = new ArrayList<>();
        changes.newTasks().forEach(task -> rows.add(change("新增 New", task, words)));
        changes.finishedTasks().forEach(task -> rows.add(change("完成 Finished", task, words)));
        changes.newlyOverdue().forEach(task -> rows.add(change("新逾期 Newly overdue", task, words)));
        return new Table("变化 Since the previous meeting", List.of("变化 Change", "单位 Unit", "任务 Directive", "环节 Step",
                "期限 Due"), rows);
    }

    private static List<Object> change(String kind, MeetingBrief.BriefTask task, Times words) {
        return List.of(kind, words.unit(task.unitId()), nonNull(task.directiveTitle()), nonNull(task.stepName()),
                words.text(task.dueAt()));
    }

    private static Table figureDeltas(Map<String, Map<String, BigDecimal>> deltas, Times words,
                                      Map<String, FigureWords.NamedFigure> named) {
        List<List<Object>> rows = new ArrayList<>();
        deltas.forEach((unit, figures) -> figures.forEach((figure, delta) -> {
            List<Object> row = new ArrayList<>(List.of(words.unit(unit), figure, delta));
            row.addAll(words(figure, named));
            rows.add(row);
        }));
        return new Table("指标变化 Figure changes", List.of("单位 Unit", "指标 Figure", "变化 Change", NAME, MEASURE), rows);
    }

    private static Table reports(MeetingRecord meeting, Times words) {
        List<List<Object>> rows = new ArrayList<>();
        meeting.reports().forEach(report -> rows.add(List.of(words.unit(report.unitId()), nonNull(report.progress()),
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
