package org.expoflow.workflow.briefs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * The brief as a Word document for the secretary to edit before it goes out, laid out as an office writes a 简报:
 * the red masthead (会议简报), the issue (第3期), the issuing office and the date over a red rule, the title, the lead,
 * the summary's numbered sections in 仿宋 with 黑体 headings, each directive's table of units, and the annex tables.
 * The page, the masthead, the fonts and the tables are every office Word document's ({@link OfficeWord}).
 */
public final class BriefWordDocument {

    public static final String CONTENT_TYPE = OfficeWord.CONTENT_TYPE;

    private BriefWordDocument() {
    }

    /** {@code asOf}: the meeting's instant, the document's date of creation, so the same brief says the same. */
    public static byte[] of(BriefText brief, Instant asOf) {
        try {
            XWPFDocument document = OfficeWord.document(brief.title(), asOf);
            OfficeWord.masthead(document, brief.masthead(), brief.issue(), brief.issuer(), brief.date());
            OfficeWord.centred(document, brief.title(), OfficeWord.TITLE_FONT, 22, true).setSpacingAfter(240);
            OfficeWord.paragraph(document, brief.lead());
            brief.summary().forEach(section -> section(document, section));
            if (!brief.details().parts().isEmpty()) {
                XWPFParagraph heading = OfficeWord.centred(document, brief.details().heading(), OfficeWord.HEADING_FONT,
                        OfficeWord.BODY_SIZE, false);
                heading.setPageBreak(true);
                brief.details().parts().forEach(part -> section(document, part));
                brief.details().paragraphs().forEach(text -> OfficeWord.paragraph(document, text));
            }
            XWPFParagraph annex = OfficeWord.centred(document, brief.annex().heading(), OfficeWord.HEADING_FONT,
                    OfficeWord.BODY_SIZE, false);
            annex.setPageBreak(true);
            for (BriefTables.Table table : brief.annex().tables()) {
                OfficeWord.run(document.createParagraph(), table.title(), OfficeWord.HEADING_FONT, OfficeWord.TABLE_SIZE + 2,
                        false);
                table(document, table, brief);
            }
            return OfficeWord.bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the brief could not be written as a Word document", e);
        }
    }

    private static void section(XWPFDocument document, BriefText.Section section) {
        OfficeWord.heading(document, section.heading());
        section.paragraphs().forEach(text -> OfficeWord.paragraph(document, text));
        section.tables().forEach(table -> table(document, table, null));
        section.parts().forEach(part -> section(document, part));
    }

    /** As the PDF: up to its first rows, then how many more the spreadsheet holds. */
    private static void table(XWPFDocument document, BriefTables.Table table, BriefText brief) {
        List<List<String>> rows = table.rows().subList(0, Math.min(BriefDocument.PRINTED_ROWS, table.rows().size())).stream()
                .map(row -> row.stream().map(BriefTables::text).toList()).toList();
        OfficeWord.table(document, table.headers(), rows, brief == null ? "" : brief.none());
        XWPFParagraph after = document.createParagraph();
        if (table.rows().size() > rows.size() && brief != null) {
            OfficeWord.run(after, brief.moreRows().replace("{0}", String.valueOf(table.rows().size() - rows.size())),
                    OfficeWord.BODY_FONT, OfficeWord.TABLE_SIZE, false);
        }
    }
}
