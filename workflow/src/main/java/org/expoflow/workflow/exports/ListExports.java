package org.expoflow.workflow.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitStatistics;
import org.expoflow.workflow.application.OfficeFile;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.briefs.BriefTables;
import org.expoflow.workflow.briefs.ListTables;
import org.expoflow.workflow.briefs.Spreadsheet;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.kinds.FigureWords;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A list as the spreadsheet a secretary sums or forwards: every row the same filters give (not one page of
 * them), up to {@value #MOST_ROWS}; named after the expo, the list and the day. Each feature reads its list as
 * the reader may see it (a city its own unit's tasks) and hands it here to be made a file.
 */
@Service
public class ListExports {

    public static final int MOST_ROWS = 20_000;
    private static final int PAGE = 500;

    private final ExpoWork expos;
    private final UnitRegister units;
    private final KindTexts kindTexts;
    private final Refusals refusals;
    private final Clock clock;
    private final ZoneId provinceZone;
    private final FigureWords figures;

    public ListExports(ExpoWork expos, UnitRegister units, KindTexts kindTexts,
                       Refusals refusals, Clock clock, @Value("${expoflow.time-zone}") ZoneId provinceZone,
                       FigureWords figures) {
        this.expos = expos;
        this.units = units;
        this.kindTexts = kindTexts;
        this.refusals = refusals;
        this.clock = clock;
        this.provinceZone = provinceZone;
        this.figures = figures;
    }

    /** Whether a list is asked for as a file: {@code xlsx}, or {@code json} (the default); anything else is refused naming {@code format}. */
    public boolean asFile(String format) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return false;
        }
        if (!format.equals("xlsx")) {
            throw refusals.invalid("format", "listFormat", format);
        }
        return true;
    }

    /**
     * Task rows a page has already filtered (its tabs and keyword), as a file; {@code states}: where each stands, as
     * the list's chip says (the name of its state: WAITING, WORKING, ...).
     */
    public OfficeFile taskRows(String expoId, List<TaskSummary> rows, Function<TaskSummary, String> states) {
        Instant now = clock.instant();
        BriefTables.Table table = ListTables.tasks(rows, provinceZone, unitNames(),
                task -> kindTexts.step(task.step()), states);
        return file(expoId, table, now);
    }

    /** The overdue list, or with {@code dueSoon} the due-soon list, as a file. */
    public OfficeFile deadlines(String expoId, DeadlineList list, boolean dueSoon) {
        return file(expoId, ListTables.deadlines(list, dueSoon, provinceZone, unitNames(),
                item -> kindTexts.step(item.kind(), item.stepKey(), item.stepName())), list.asOf());
    }

    public OfficeFile statistics(String expoId, UnitStatistics.Report report) {
        return file(expoId, ListTables.statistics(report, unitNames()), report.asOf());
    }

    /** The figures per unit and in total against their targets, each with its name and unit. */
    public OfficeFile figures(String expoId, FiguresReport report) {
        return file(expoId, BriefTables.figures(report, figures.all()), report.asOf());
    }

    private OfficeFile file(String expoId, BriefTables.Table table, Instant asOf) {
        Instant at = asOf == null ? clock.instant() : asOf;
        String expoName = expoId == null ? "ExpoFlow" : expos.get(expoId).name();
        String title = expoName + " — " + table.title();
        String listName = table.title().split(" ")[0];
        String day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(provinceZone).format(at);
        String name = (expoName + " " + listName + " " + day).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip() + ".xlsx";
        return new OfficeFile(name, Spreadsheet.CONTENT_TYPE,
                Spreadsheet.of(title, ListTables.asOf(at, provinceZone), at, List.of(table)));
    }

    private Map<String, String> unitNames() {
        // a file is passed round beyond its reader: both names, like its headings
        return units.all().stream().collect(Collectors.toMap(UnitRegister.RegisteredUnit::unitId,
                UnitRegister.RegisteredUnit::bilingualName, (first, second) -> first));
    }
}
