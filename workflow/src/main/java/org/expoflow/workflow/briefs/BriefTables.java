package org.expoflow.workflow.briefs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.workflow.kinds.FigureWords;

/**
 * Tables for a file: a title, its headings, its rows of text, numbers (summed in a spreadsheet) and dates
 * ({@link DateCell}). The figures of an expo as a table, the file the figures list downloads as.
 */
public final class BriefTables {

    static final String NAME = "名称 Name";
    static final String MEASURE = "计量单位 Measure";

    public record Table(String title, List<String> headers, List<List<Object>> rows) {
    }

    private BriefTables() {
    }

    /** A file name for the brief: the expo, the meeting and its day, without characters a file system refuses. */
    public static String fileName(MeetingBrief brief, ZoneId zone, String extension) {
        String day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone).format(brief.meeting().asOf());
        String name = brief.board().expoName() + " " + brief.meeting().title() + " " + day;
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip() + "." + extension;
    }

    /** Figures per unit and in total against their targets: the figures list as a file. */
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
        FigureWords.NamedFigure words = named.get(figure);
        row.addAll(words == null ? List.of(figure, "") : List.of(words.name(), words.unit()));
        return row;
    }

    /** A cell as text: a number without trailing zeros, a date as its reader writes it. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
