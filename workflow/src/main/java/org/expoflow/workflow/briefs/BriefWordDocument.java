package org.expoflow.workflow.briefs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * The brief as a Word document for the secretary to edit before it goes out, laid out as an office writes a 简报:
 * the red masthead (会议简报), the issue (第3期), the issuing office and the date over a red rule, the title, the lead,
 * the summary's numbered sections in 仿宋 with 黑体 headings, each directive's table of units, and the annex tables;
 * A4 with an office's margins. Its fonts are named, not embedded: Word sets them from the secretary's own.
 */
public final class BriefWordDocument {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String RED = "C00000";
    private static final String TITLE_FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    private static final String BODY_FONT = "仿宋";
    private static final String LATIN_FONT = "Times New Roman";
    /** 三号, the size of an office's running text, in points. */
    private static final int BODY_SIZE = 16;
    private static final int TABLE_SIZE = 10;

    private BriefWordDocument() {
    }

    /** {@code asOf}: the meeting's instant, the document's date of creation, so the same brief says the same. */
    public static byte[] of(BriefText brief, Instant asOf) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(brief.title());
            document.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(asOf)));
            pageOfAnOffice(document);
            masthead(document, brief);
            brief.summary().forEach(section -> section(document, section));
            if (!brief.details().parts().isEmpty()) {
                XWPFParagraph heading = centred(document, brief.details().heading(), HEADING_FONT, BODY_SIZE, false);
                heading.setPageBreak(true);
                brief.details().parts().forEach(part -> section(document, part));
                brief.details().paragraphs().forEach(text -> paragraph(document, text));
            }
            XWPFParagraph annex = centred(document, brief.annex().heading(), HEADING_FONT, BODY_SIZE, false);
            annex.setPageBreak(true);
            for (BriefTables.Table table : brief.annex().tables()) {
                XWPFParagraph title = document.createParagraph();
                run(title, table.title(), HEADING_FONT, TABLE_SIZE + 2, false);
                table(document, table, brief);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the brief could not be written as a Word document", e);
        }
    }

    /** A4, margins of 3.7 cm at the top, 3.5 at the foot, 2.8 at the left and 2.6 at the right. */
    private static void pageOfAnOffice(XWPFDocument document) {
        CTSectPr page = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = page.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = page.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1587));
        margins.setRight(BigInteger.valueOf(1474));
    }

    private static void masthead(XWPFDocument document, BriefText brief) {
        XWPFParagraph masthead = centred(document, brief.masthead(), TITLE_FONT, 36, true);
        masthead.getRuns().forEach(run -> run.setColor(RED));
        centred(document, brief.issue(), BODY_FONT, BODY_SIZE, false);
        // the issuing office at the left, the date at the right, over a red rule
        XWPFParagraph line = document.createParagraph();
        line.getCTP().addNewPPr().addNewTabs().addNewTab().setVal(STTabJc.RIGHT);
        line.getCTP().getPPr().getTabs().getTabArray(0).setPos(BigInteger.valueOf(8845));
        run(line, brief.issuer(), BODY_FONT, 14, false);
        XWPFRun tab = line.createRun();
        tab.addTab();
        run(line, brief.date(), BODY_FONT, 14, false);
        line.setBorderBottom(Borders.THICK);
        line.getCTP().getPPr().getPBdr().getBottom().setColor(RED);
        line.setSpacingAfter(240);
        centred(document, brief.title(), TITLE_FONT, 22, true).setSpacingAfter(240);
        paragraph(document, brief.lead());
    }

    private static void section(XWPFDocument document, BriefText.Section section) {
        XWPFParagraph heading = document.createParagraph();
        heading.setIndentationFirstLine(BODY_SIZE * 2 * 20);
        run(heading, section.heading(), HEADING_FONT, BODY_SIZE, false);
        section.paragraphs().forEach(text -> paragraph(document, text));
        section.tables().forEach(table -> table(document, table, null));
        section.parts().forEach(part -> section(document, part));
    }

    private static void table(XWPFDocument document, BriefTables.Table table, BriefText brief) {
        int columns = Math.max(1, table.headers().size());
        // as the PDF: up to its first rows, then how many more the spreadsheet holds
        List<List<Object>> rows = table.rows().subList(0, Math.min(BriefDocument.PRINTED_ROWS, table.rows().size()));
        XWPFTable written = document.createTable(rows.size() + 1 + (rows.isEmpty() ? 1 : 0), columns);
        written.setWidth("100%");
        written.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableRow headers = written.getRow(0);
        headers.setRepeatHeader(true);
        for (int c = 0; c < table.headers().size(); c++) {
            XWPFTableCell cell = headers.getCell(c);
            cell.setColor("EEEEEE");
            run(cell.getParagraphs().get(0), table.headers().get(c), HEADING_FONT, TABLE_SIZE, false);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size() && c < columns; c++) {
                run(written.getRow(r + 1).getCell(c).getParagraphs().get(0), BriefTables.text(row.get(c)), BODY_FONT, TABLE_SIZE,
                        false);
            }
        }
        if (table.rows().isEmpty()) {
            run(written.getRow(1).getCell(0).getParagraphs().get(0), brief == null ? "" : brief.none(), BODY_FONT, TABLE_SIZE, false);
        }
        XWPFParagraph after = document.createParagraph();
        if (table.rows().size() > rows.size() && brief != null) {
            run(after, brief.moreRows().replace("{0}", String.valueOf(table.rows().size() - rows.size())), BODY_FONT, TABLE_SIZE,
                    false);
        }
    }

    private static XWPFParagraph centred(XWPFDocument document, String text, String font, int size, boolean bold) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, text, font, size, bold);
        return paragraph;
    }

    /** Running text, its first line indented by two characters. */
    private static void paragraph(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setIndentationFirstLine(BODY_SIZE * 2 * 20);
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        run(paragraph, text, BODY_FONT, BODY_SIZE, false);
    }

    /** The text in runs, a line a run, each after a break (a bilingual brief's English under the Chinese). */
    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = paragraph.createRun();
            run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
            run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
            run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
            run.setFontSize(size);
            run.setBold(bold);
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }
}
