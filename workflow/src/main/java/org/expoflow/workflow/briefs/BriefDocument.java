package org.expoflow.workflow.briefs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The brief as a PDF to print, laid out as a 简报: the red masthead with its issue number, the issuing office and the
 * date over a red rule, the title, then the summary on the first page; each directive in detail from the next page;
 * the annex tables after them; the page number at the foot (— 1 —). The page, the masthead, the font and the Chinese
 * line breaks are every office PDF's ({@link OfficePdf}).
 */
public final class BriefDocument {

    static final int PRINTED_ROWS = 200;

    private BriefDocument() {
    }

    public static byte[] of(BriefText brief) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OfficePdf.Fonts fonts = OfficePdf.Fonts.ofAnOffice();
            Document document = OfficePdf.document(out, brief.title(), fonts);
            OfficePdf.masthead(document, brief.masthead(), brief.issue(), brief.issuer(), brief.date(), fonts);
            document.add(OfficePdf.centred(brief.title(), fonts.title(), 12, 6));
            document.add(OfficePdf.paragraph(brief.lead(), fonts.body()));
            for (BriefText.Section section : brief.summary()) {
                section(document, section, fonts, brief);
            }
            if (!brief.details().parts().isEmpty()) {
                document.newPage();
                document.add(OfficePdf.centred(brief.details().heading(), fonts.heading(), 0, 8));
                for (BriefText.Section part : brief.details().parts()) {
                    section(document, part, fonts, brief);
                }
                for (String text : brief.details().paragraphs()) {
                    document.add(OfficePdf.paragraph(text, fonts.body()));
                }
            }
            document.newPage();
            document.add(OfficePdf.centred(brief.annex().heading(), fonts.heading(), 0, 8));
            for (BriefTables.Table table : brief.annex().tables()) {
                Paragraph title = OfficePdf.flush(table.title(), fonts.tableHead(), 10, 4);
                document.add(title);
                document.add(table(table, fonts, brief));
            }
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the brief could not be written as a PDF", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the brief could not be laid out as a PDF", e);
        }
    }

    private static void section(Document document, BriefText.Section section, OfficePdf.Fonts fonts, BriefText brief)
            throws DocumentException {
        document.add(OfficePdf.flush(section.heading(), fonts.heading(), 5, 2));
        for (String text : section.paragraphs()) {
            document.add(OfficePdf.paragraph(text, fonts.body()));
        }
        for (BriefTables.Table table : section.tables()) {
            document.add(table(table, fonts, brief));
        }
        for (BriefText.Section part : section.parts()) {
            section(document, part, fonts, brief);
        }
    }

    /**
     * A table printed up to {@value #PRINTED_ROWS} rows and then a line saying how many more the spreadsheet holds: a
     * province's first brief lists every step of its expo as new, which nobody prints, and the sheet holds them all.
     */
    private static PdfPTable table(BriefTables.Table table, OfficePdf.Fonts fonts, BriefText brief) {
        PdfPTable printed = OfficePdf.table(table.headers(), null, fonts);
        for (List<Object> row : table.rows().subList(0, Math.min(PRINTED_ROWS, table.rows().size()))) {
            row.forEach(value -> printed.addCell(OfficePdf.cell(BriefTables.text(value), fonts.cell())));
        }
        if (table.rows().size() > PRINTED_ROWS) {
            PdfPCell rest = OfficePdf.cell(brief.moreRows().replace("{0}", String.valueOf(table.rows().size() - PRINTED_ROWS)),
                    fonts.cell());
            rest.setColspan(table.headers().size());
            printed.addCell(rest);
        }
        if (table.rows().isEmpty()) {
            PdfPCell none = OfficePdf.cell(brief.none(), fonts.cell());
            none.setColspan(table.headers().size());
            printed.addCell(none);
        }
        return printed;
    }
}
