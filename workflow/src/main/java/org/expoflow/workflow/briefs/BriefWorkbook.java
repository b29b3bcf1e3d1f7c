package org.expoflow.workflow.briefs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The brief as a spreadsheet: its summary as a first sheet of sentences, then every directive's units as one table,
 * then a sheet per annex table; each table's headings frozen and filtered, its dates date cells.
 */
public final class BriefWorkbook {

    private BriefWorkbook() {
    }

    /** {@code asOf}: the meeting's instant, so the same brief makes the same document properties. */
    public static byte[] of(BriefText brief, Instant asOf) {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(List.of(new Spreadsheet.Heading(brief.title())));
        lines.add(List.of(brief.issue() + "  " + brief.issuer() + "  " + brief.date()));
        lines.add(List.of(brief.lead()));
        for (BriefText.Section section : brief.summary()) {
            lines.add(List.of());
            lines.add(List.of(new Spreadsheet.Heading(section.heading())));
            section.paragraphs().forEach(paragraph -> lines.add(List.of(paragraph)));
            for (BriefTables.Table table : section.tables()) {
                lines.add(new ArrayList<>(table.headers().stream().<Object>map(Spreadsheet.Heading::new).toList()));
                table.rows().forEach(row -> lines.add(new ArrayList<>(row.stream().map(BriefWorkbook::plain).toList())));
            }
        }
        List<BriefTables.Table> tables = new ArrayList<>();
        tables.add(brief.everyDirective());
        tables.addAll(brief.annex().tables());
        return Spreadsheet.of(brief.title(), brief.issuer() + " " + brief.date(), asOf,
                new BriefTables.Table(brief.summaryTitle(), List.of(), lines), tables);
    }

    /** A number as a number, anything else as its text: the summary's sheet holds no dates to filter. */
    private static Object plain(Object value) {
        return value instanceof Number ? value : BriefTables.text(value);
    }
}
