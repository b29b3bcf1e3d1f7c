package org.expoflow.workflow.briefs;

import java.time.ZoneId;
import java.util.Map;

import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.workflow.kinds.FigureWords;

/** The brief as a spreadsheet: a sheet per table of {@link BriefTables}. */
public final class BriefWorkbook {

    private BriefWorkbook() {
    }

    public static byte[] of(MeetingBrief brief, ZoneId zone, Map<String, String> people,
                            Map<String, FigureWords.NamedFigure> figures) {
        // the file says it was made at the meeting, so the same brief makes the same document properties
        return Spreadsheet.of(BriefTables.title(brief), BriefTables.subtitle(brief, zone), brief.meeting().asOf(),
                BriefTables.of(brief, zone, people, figures));
    }
}
